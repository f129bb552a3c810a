// GET /api/staff/tickets/{tid}/version?since= - the ticket's version and others' changes since a moment (the ticket view polls it)
import { getDb } from "@/db/client";
import { ok } from "@/lib/http/envelope";
import { staffMethodNotAllowed, staffRoute } from "@/lib/http/staff-route";
import { getTicketVersion, ticketEtag, ticketVersionQuery, tidParams } from "@/lib/tickets";

export const dynamic = "force-dynamic";

export const GET = staffRoute({ permission: "tickets.view", params: tidParams, query: ticketVersionQuery }, async ({ staff, params, query }) => {
  const v = await getTicketVersion(await getDb(), staff, params.tid, query.since);
  return ok(v, { headers: { ETag: ticketEtag(v.version), "Cache-Control": "no-store" } });
});

// Other methods: 405 in the envelope, with Allow.
const notAllowed = staffMethodNotAllowed(["GET"]);
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
