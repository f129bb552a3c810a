// POST /api/staff/tickets/{tid}/claim - assign to the caller if unassigned and open
import { getDb } from "@/db/client";
import { ok } from "@/lib/http/envelope";
import { expectedVersionOf, staffMethodNotAllowed, staffRoute } from "@/lib/http/staff-route";
import { claimSchema, claimTicket, ticketEtag, tidParams, toTicketSummary } from "@/lib/tickets";

export const dynamic = "force-dynamic";

export const POST = staffRoute({ permission: "tickets.claim", params: tidParams, body: claimSchema }, async ({ staff, params, body, ifMatch }) => {
  const ticket = await claimTicket(await getDb(), staff, params.tid, { ...body, expectedVersion: expectedVersionOf(body.expectedVersion, ifMatch) });
  return ok(toTicketSummary(ticket), { message: "Ticket claimed", headers: { ETag: ticketEtag(ticket.version) } });
});

// Other methods: 405 in the envelope, with Allow.
const notAllowed = staffMethodNotAllowed(["POST"]);
export const GET = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
