// POST /api/staff/tickets/{tid}/restore - bring a deleted ticket back (admins, within the retention period)
import { getDb } from "@/db/client";
import { ok } from "@/lib/http/envelope";
import { staffRoute } from "@/lib/http/staff-route";
import { restoreTicket, ticketEtag, tidParams, toTicketSummary } from "@/lib/tickets";

export const dynamic = "force-dynamic";

export const POST = staffRoute({ permission: "tickets.restore", params: tidParams }, async ({ staff, params }) => {
  const ticket = await restoreTicket(await getDb(), staff, params.tid);
  return ok(toTicketSummary(ticket), { message: `Ticket restored (${ticket.status})`, headers: { ETag: ticketEtag(ticket.version) } });
});
