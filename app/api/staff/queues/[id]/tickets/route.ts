// GET /api/staff/queues/{id}/tickets - the queue's tickets, one page (cursor pagination); search
// criteria given too refine the queue's for those keys (the panel's filters: ?status=closed)
import { getDb } from "@/db/client";
import { ok } from "@/lib/http/envelope";
import { staffMethodNotAllowed, staffRoute } from "@/lib/http/staff-route";
import { queueIdParams, queueTickets } from "@/lib/queues";
import { searchQuerySchema } from "@/lib/search";

export const dynamic = "force-dynamic";

export const GET = staffRoute({ permission: "tickets.view", params: queueIdParams, query: searchQuerySchema }, async ({ staff, params, query }) => {
  const { cursor, limit, ...refine } = query;
  return ok(await queueTickets(await getDb(), staff, params.id, { cursor, limit }, new Date(), refine));
});

// Other methods: 405 in the envelope, with Allow.
const notAllowed = staffMethodNotAllowed(["GET"]);
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
