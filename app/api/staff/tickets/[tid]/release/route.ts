// POST /api/staff/tickets/{tid}/release - unassign staff and/or team
import { getDb } from "@/db/client";
import { ok } from "@/lib/http/envelope";
import { expectedVersionOf, staffMethodNotAllowed, staffRoute } from "@/lib/http/staff-route";
import { releaseSchema, releaseTicket, ticketEtag, tidParams, toTicketSummary } from "@/lib/tickets";

export const dynamic = "force-dynamic";

export const POST = staffRoute({ permission: "tickets.release", params: tidParams, body: releaseSchema }, async ({ staff, params, body, ifMatch }) => {
  const ticket = await releaseTicket(await getDb(), staff, params.tid, { ...body, expectedVersion: expectedVersionOf(body.expectedVersion, ifMatch) });
  return ok(toTicketSummary(ticket), { message: "Ticket released", headers: { ETag: ticketEtag(ticket.version) } });
});

// Other methods: 405 in the envelope, with Allow.
const notAllowed = staffMethodNotAllowed(["POST"]);
export const GET = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
