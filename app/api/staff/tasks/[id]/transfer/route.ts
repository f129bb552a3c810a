// POST /api/staff/tasks/{id}/transfer - move to another department (an assignee who does not work there is unassigned)
import { getDb } from "@/db/client";
import { ok } from "@/lib/http/envelope";
import { expectedVersionOf, staffMethodNotAllowed, staffRoute } from "@/lib/http/staff-route";
import { transferTask, transferTaskSchema, taskIdParams, toTaskSummary } from "@/lib/tasks";

export const dynamic = "force-dynamic";

export const POST = staffRoute({ permission: "tasks.transfer", params: taskIdParams, body: transferTaskSchema }, async ({ staff, params, body, ifMatch }) => {
  const task = await transferTask(await getDb(), staff, params.id, { ...body, expectedVersion: expectedVersionOf(body.expectedVersion, ifMatch) });
  return ok(toTaskSummary(task), { message: "Task transferred" });
});

// Other methods: 405 in the envelope, with Allow.
const notAllowed = staffMethodNotAllowed(["POST"]);
export const GET = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
