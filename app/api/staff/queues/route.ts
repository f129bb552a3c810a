// GET /api/staff/queues - the queues the caller may see, with live counts
// POST /api/staff/queues - save a personal or shared queue
import { getDb } from "@/db/client";
import { created, ok } from "@/lib/http/envelope";
import { staffMethodNotAllowed, staffRoute } from "@/lib/http/staff-route";
import { createQueue, createQueueSchema, listQueues } from "@/lib/queues";

export const dynamic = "force-dynamic";

export const GET = staffRoute({ permission: "tickets.view" }, async ({ staff }) => {
  const items = await listQueues(await getDb(), staff);
  return ok({ items, total: items.length, nextCursor: null });
});

export const POST = staffRoute({ permission: "tickets.view", body: createQueueSchema }, async ({ staff, body }) => {
  const queue = await createQueue(await getDb(), staff, body);
  return created(queue, `Queue "${queue.name}" saved`);
});

// Other methods: 405 in the envelope, with Allow.
const notAllowed = staffMethodNotAllowed(["GET", "POST"]);
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
