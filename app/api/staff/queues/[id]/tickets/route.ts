// GET /api/staff/queues/{id}/tickets - the queue's tickets, one page (cursor pagination)
import { getDb } from "@/db/client";
import { ok } from "@/lib/http/envelope";
import { staffRoute } from "@/lib/http/staff-route";
import { queueIdParams, queueTickets } from "@/lib/queues";
import { pageSchema } from "@/lib/search";

export const dynamic = "force-dynamic";

export const GET = staffRoute({ permission: "tickets.view", params: queueIdParams, query: pageSchema.strict() }, async ({ staff, params, query }) =>
  ok(await queueTickets(await getDb(), staff, params.id, query)),
);
