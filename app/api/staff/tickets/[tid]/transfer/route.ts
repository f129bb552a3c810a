// POST /api/staff/tickets/{tid}/transfer - move to another department
import { getDb } from "@/db/client";
import { ok } from "@/lib/http/envelope";
import { expectedVersionOf, staffMethodNotAllowed, staffRoute } from "@/lib/http/staff-route";
import { transferSchema, transferTicket, ticketEtag, tidParams, toTicketSummary } from "@/lib/tickets";

export const dynamic = "force-dynamic";

export const POST = staffRoute({ permission: "tickets.transfer", params: tidParams, body: transferSchema }, async ({ staff, params, body, ifMatch }) => {
  const ticket = await transferTicket(await getDb(), staff, params.tid, { ...body, expectedVersion: expectedVersionOf(body.expectedVersion, ifMatch) });
  return ok(toTicketSummary(ticket), { message: "Ticket transferred", headers: { ETag: ticketEtag(ticket.version) } });
});

// Other methods: 405 in the envelope, with Allow.
const notAllowed = staffMethodNotAllowed(["POST"]);
export const GET = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
