// POST /api/staff/tickets/{tid}/note - an internal note (never mailed); @mentions recorded (JSON or multipart with files)
import { getDb } from "@/db/client";
import { getSettings } from "@/lib/config/settings";
import { ok } from "@/lib/http/envelope";
import { expectedVersionOf, staffMethodNotAllowed, staffRoute } from "@/lib/http/staff-route";
import { addNote, noteSchema, parseEntryFields, readEntryRequest, ticketEtag, tidParams, toTicketSummary } from "@/lib/tickets";

export const dynamic = "force-dynamic";

export const POST = staffRoute({ permission: "tickets.note", params: tidParams }, async ({ req, staff, params, ifMatch }) => {
  const db = await getDb();
  const { fields, files } = await readEntryRequest(req, (await getSettings(db)).maxRequestBytes);
  const input = parseEntryFields(noteSchema, fields, "Invalid note");
  const r = await addNote(db, staff, params.tid, { ...input, expectedVersion: expectedVersionOf(input.expectedVersion, ifMatch) }, files);
  return ok({ ...r, ticket: toTicketSummary(r.ticket) }, { message: "Note added", headers: { ETag: ticketEtag(r.ticket.version) } });
});

// Other methods: 405 in the envelope, with Allow.
const notAllowed = staffMethodNotAllowed(["POST"]);
export const GET = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
