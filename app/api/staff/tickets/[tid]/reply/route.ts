// POST /api/staff/tickets/{tid}/reply - a response mailed to the user and chosen collaborators (JSON or multipart with files)
import { getDb } from "@/db/client";
import { getSettings } from "@/lib/config/settings";
import { ok } from "@/lib/http/envelope";
import { expectedVersionOf, staffMethodNotAllowed, staffRoute } from "@/lib/http/staff-route";
import { parseEntryFields, readEntryRequest, replySchema, replyToTicket, ticketEtag, tidParams, toTicketSummary } from "@/lib/tickets";
import { replyOutcome } from "@/lib/tickets/reply-outcome";

export const dynamic = "force-dynamic";

export const POST = staffRoute({ permission: "tickets.reply", params: tidParams }, async ({ req, staff, params, ifMatch }) => {
  const db = await getDb();
  const { fields, files } = await readEntryRequest(req, (await getSettings(db)).maxRequestBytes);
  const input = parseEntryFields(replySchema, fields, "Invalid reply");
  const r = await replyToTicket(db, staff, params.tid, { ...input, expectedVersion: expectedVersionOf(input.expectedVersion, ifMatch) }, files);
  return ok({ ...r, ticket: toTicketSummary(r.ticket) }, { message: replyOutcome(r.mail), headers: { ETag: ticketEtag(r.ticket.version) } });
});

// Other methods: 405 in the envelope, with Allow.
const notAllowed = staffMethodNotAllowed(["POST"]);
export const GET = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
