// POST /api/staff/tickets - staff open a ticket on behalf of a user (new or existing), source phone/web/staff
import { getDb } from "@/db/client";
import { getSettings } from "@/lib/config/settings";
import { created } from "@/lib/http/envelope";
import { staffMethodNotAllowed, staffRoute } from "@/lib/http/staff-route";
import { openTicketForUser, parseEntryFields, readEntryRequest, staffOpenTicketSchema, ticketEtag, toTicketSummary } from "@/lib/tickets";

export const dynamic = "force-dynamic";

export const POST = staffRoute({ permission: "tickets.create" }, async ({ req, staff }) => {
  const db = await getDb();
  const { fields, files } = await readEntryRequest(req, (await getSettings(db)).maxRequestBytes);
  const input = parseEntryFields(staffOpenTicketSchema, fields, "Invalid ticket");
  const r = await openTicketForUser(db, staff, input, files);
  return created({ ...toTicketSummary(r.ticket), user: r.user, dropped: r.dropped }, `Ticket #${r.ticket.number} opened`, { ETag: ticketEtag(r.ticket.version) });
});

// Other methods: 405 in the envelope, with Allow.
const notAllowed = staffMethodNotAllowed(["POST"]);
export const GET = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
