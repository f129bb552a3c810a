// POST /api/staff/tasks/{id}/close - close (optional comment as a note)
import { getDb } from "@/db/client";
import { ok } from "@/lib/http/envelope";
import { expectedVersionOf, staffMethodNotAllowed, staffRoute } from "@/lib/http/staff-route";
import { closeTask, closeTaskSchema, taskIdParams, toTaskSummary } from "@/lib/tasks";

export const dynamic = "force-dynamic";

export const POST = staffRoute({ permission: "tasks.close", params: taskIdParams, body: closeTaskSchema }, async ({ staff, params, body, ifMatch }) => {
  const task = await closeTask(await getDb(), staff, params.id, { ...body, expectedVersion: expectedVersionOf(body.expectedVersion, ifMatch) });
  return ok(toTaskSummary(task), { message: "Task closed" });
});

// Other methods: 405 in the envelope, with Allow.
const notAllowed = staffMethodNotAllowed(["POST"]);
export const GET = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
