// GET /api/staff/queues/{id} - one queue (a system slug or a saved queue's id)
// PUT /api/staff/queues/{id} - change a saved queue (owner or admin)
// DELETE /api/staff/queues/{id} - delete a saved queue (owner or admin)
import { getDb } from "@/db/client";
import { ok } from "@/lib/http/envelope";
import { staffMethodNotAllowed, staffRoute } from "@/lib/http/staff-route";
import { deleteQueue, getQueue, queueIdParams, updateQueue, updateQueueSchema } from "@/lib/queues";

export const dynamic = "force-dynamic";

export const GET = staffRoute({ permission: "tickets.view", params: queueIdParams }, async ({ staff, params }) => ok(await getQueue(await getDb(), staff, params.id)));

export const PUT = staffRoute({ permission: "tickets.view", params: queueIdParams, body: updateQueueSchema }, async ({ staff, params, body }) => {
  const queue = await updateQueue(await getDb(), staff, params.id, body);
  return ok(queue, { message: `Queue "${queue.name}" saved` });
});

export const DELETE = staffRoute({ permission: "tickets.view", params: queueIdParams }, async ({ staff, params }) =>
  ok(await deleteQueue(await getDb(), staff, params.id), { message: "Queue deleted" }),
);

// Other methods: 405 in the envelope, with Allow.
const notAllowed = staffMethodNotAllowed(["GET", "PUT", "DELETE"]);
export const POST = notAllowed;
export const PATCH = notAllowed;
