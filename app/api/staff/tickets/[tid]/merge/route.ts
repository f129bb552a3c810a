// POST /api/staff/tickets/{tid}/merge - merge (combine | separate) or link other tickets into this one
import { getDb } from "@/db/client";
import { ok } from "@/lib/http/envelope";
import { expectedVersionOf, staffMethodNotAllowed, staffRoute } from "@/lib/http/staff-route";
import { mergeSchema, mergeTickets, ticketEtag, tidParams, toTicketSummary } from "@/lib/tickets";

export const dynamic = "force-dynamic";

export const POST = staffRoute({ permission: "tickets.merge", params: tidParams, body: mergeSchema }, async ({ staff, params, body, ifMatch }) => {
  const { ticket, children } = await mergeTickets(await getDb(), staff, params.tid, { ...body, expectedVersion: expectedVersionOf(body.expectedVersion, ifMatch) });
  const message = body.mode === "link" ? "Tickets linked" : `${children.length} ticket${children.length > 1 ? "s" : ""} merged`;
  return ok({ ...toTicketSummary(ticket), children }, { message, headers: { ETag: ticketEtag(ticket.version) } });
});

// Other methods: 405 in the envelope, with Allow.
const notAllowed = staffMethodNotAllowed(["POST"]);
export const GET = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
