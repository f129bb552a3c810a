// POST /api/staff/tasks/{id}/assign - assign to a staff member ("s<id>") or a team ("t<id>"); null unassigns
import { getDb } from "@/db/client";
import { ok } from "@/lib/http/envelope";
import { expectedVersionOf, staffMethodNotAllowed, staffRoute } from "@/lib/http/staff-route";
import { assignTask, assignTaskSchema, taskIdParams, toTaskSummary } from "@/lib/tasks";

export const dynamic = "force-dynamic";

export const POST = staffRoute({ permission: "tasks.assign", params: taskIdParams, body: assignTaskSchema }, async ({ staff, params, body, ifMatch }) => {
  const task = await assignTask(await getDb(), staff, params.id, { ...body, expectedVersion: expectedVersionOf(body.expectedVersion, ifMatch) });
  return ok(toTaskSummary(task), { message: !task.staffId && !task.teamId ? "Task unassigned" : "Task assigned" });
});

// Other methods: 405 in the envelope, with Allow.
const notAllowed = staffMethodNotAllowed(["POST"]);
export const GET = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
