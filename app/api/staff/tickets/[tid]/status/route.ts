// POST /api/staff/tickets/{tid}/status - change status (optionally also on merged children)
import { getDb } from "@/db/client";
import { ok } from "@/lib/http/envelope";
import { expectedVersionOf, staffMethodNotAllowed, staffRoute } from "@/lib/http/staff-route";
import { changeTicketStatus, statusChangeSchema, ticketEtag, tidParams, toTicketSummary } from "@/lib/tickets";

export const dynamic = "force-dynamic";

export const POST = staffRoute({ permission: "tickets.status", params: tidParams, body: statusChangeSchema }, async ({ staff, params, body, ifMatch }) => {
  const { ticket, children } = await changeTicketStatus(await getDb(), staff, params.tid, { ...body, expectedVersion: expectedVersionOf(body.expectedVersion, ifMatch) });
  return ok({ ...toTicketSummary(ticket), children }, { message: `Status set to ${ticket.status}`, headers: { ETag: ticketEtag(ticket.version) } });
});

// Other methods: 405 in the envelope, with Allow.
const notAllowed = staffMethodNotAllowed(["POST"]);
export const GET = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
