// POST /api/staff/tickets/{tid}/restore - bring a deleted ticket back (admins, within the retention period)
import { getDb } from "@/db/client";
import { ok } from "@/lib/http/envelope";
import { staffMethodNotAllowed, staffRoute } from "@/lib/http/staff-route";
import { restoreTicket, ticketEtag, tidParams, toTicketSummary } from "@/lib/tickets";

export const dynamic = "force-dynamic";

export const POST = staffRoute({ permission: "tickets.restore", params: tidParams }, async ({ staff, params }) => {
  const ticket = await restoreTicket(await getDb(), staff, params.tid);
  return ok(toTicketSummary(ticket), { message: `Ticket restored (${ticket.status})`, headers: { ETag: ticketEtag(ticket.version) } });
});

// Other methods: 405 in the envelope, with Allow.
const notAllowed = staffMethodNotAllowed(["POST"]);
export const GET = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
