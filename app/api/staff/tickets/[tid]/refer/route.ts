// POST|DELETE /api/staff/tickets/{tid}/refer - grant (or remove) sight of the ticket to s<id>, t<id> or d<id>
import { z } from "zod";
import { getDb } from "@/db/client";
import { ok } from "@/lib/http/envelope";
import { AppError } from "@/lib/http/errors";
import { readJson } from "@/lib/http/parse";
import { staffMethodNotAllowed, staffRoute } from "@/lib/http/staff-route";
import { referSchema, referTicket, referralTarget, removeReferral, ticketEtag, tidParams, toTicketSummary, unreferQuerySchema } from "@/lib/tickets";

export const dynamic = "force-dynamic";

export const POST = staffRoute({ permission: "tickets.refer", params: tidParams, body: referSchema }, async ({ staff, params, body }) => {
  const { ticket, referral } = await referTicket(await getDb(), staff, params.tid, body);
  return ok({ ...toTicketSummary(ticket), referral }, { message: `Referred to ${referral.name}`, headers: { ETag: ticketEtag(ticket.version) } });
});

// The target comes as ?to=s12 or in a JSON body {"to": "s12"}.
export const DELETE = staffRoute({ permission: "tickets.refer", params: tidParams, query: unreferQuerySchema }, async ({ req, staff, params, query }) => {
  let to = query.to;
  if (!to) {
    const parsed = z.object({ to: referralTarget }).safeParse(await readJson(req));
    if (!parsed.success) throw AppError.validation(parsed.error, "Name the referral to remove: ?to=s<id>, t<id> or d<id>");
    to = parsed.data.to;
  }
  const ticket = await removeReferral(await getDb(), staff, params.tid, to);
  return ok(toTicketSummary(ticket), { message: "Referral removed", headers: { ETag: ticketEtag(ticket.version) } });
});

// Other methods: 405 in the envelope, with Allow.
const notAllowed = staffMethodNotAllowed(["POST", "DELETE"]);
export const GET = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
