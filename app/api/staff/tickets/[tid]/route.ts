// GET|PATCH|DELETE /api/staff/tickets/{tid} - the ticket view; edit fields; move to deleted
import { getDb } from "@/db/client";
import { ok } from "@/lib/http/envelope";
import { expectedVersionOf, staffMethodNotAllowed, staffRoute } from "@/lib/http/staff-route";
import { deleteTicket, editTicket, editTicketSchema, getTicketDetail, ticketEtag, tidParams, toTicketSummary } from "@/lib/tickets";

export const dynamic = "force-dynamic";

export const GET = staffRoute({ permission: "tickets.view", params: tidParams }, async ({ staff, params }) => {
  const ticket = await getTicketDetail(await getDb(), staff, params.tid);
  return ok(ticket, { headers: { ETag: ticketEtag(ticket.version) } });
});

export const PATCH = staffRoute({ permission: "tickets.edit", params: tidParams, body: editTicketSchema }, async ({ staff, params, body, ifMatch }) => {
  const { ticket, changed } = await editTicket(await getDb(), staff, params.tid, { ...body, expectedVersion: expectedVersionOf(body.expectedVersion, ifMatch) });
  return ok({ ...toTicketSummary(ticket), changed }, { message: changed.length ? "Ticket updated" : "Nothing changed", headers: { ETag: ticketEtag(ticket.version) } });
});

export const DELETE = staffRoute({ permission: "tickets.delete", params: tidParams }, async ({ staff, params, ifMatch }) => {
  const ticket = await deleteTicket(await getDb(), staff, params.tid, { expectedVersion: ifMatch });
  return ok(toTicketSummary(ticket), { message: "Ticket deleted; an admin can restore it until it is purged" });
});

// Other methods: 405 in the envelope, with Allow.
const notAllowed = staffMethodNotAllowed(["GET", "PATCH", "DELETE"]);
export const POST = notAllowed;
export const PUT = notAllowed;
