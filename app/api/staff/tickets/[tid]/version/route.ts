// GET /api/staff/tickets/{tid}/version?since= - the ticket's version and others' changes since a moment (the ticket view polls it)
import { getDb } from "@/db/client";
import { ok } from "@/lib/http/envelope";
import { staffRoute } from "@/lib/http/staff-route";
import { getTicketVersion, ticketEtag, ticketVersionQuery, tidParams } from "@/lib/tickets";

export const dynamic = "force-dynamic";

export const GET = staffRoute({ permission: "tickets.view", params: tidParams, query: ticketVersionQuery }, async ({ staff, params, query }) => {
  const v = await getTicketVersion(await getDb(), staff, params.tid, query.since);
  return ok(v, { headers: { ETag: ticketEtag(v.version), "Cache-Control": "no-store" } });
});
