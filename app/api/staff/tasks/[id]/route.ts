// GET|PUT /api/staff/tasks/{id} - a task with its thread and events; partial edit (title, description, due date, linked ticket)
import { getDb } from "@/db/client";
import { scopeOf } from "@/lib/auth";
import { ok } from "@/lib/http/envelope";
import { expectedVersionOf, staffMethodNotAllowed, staffRoute } from "@/lib/http/staff-route";
import { editTask, getTaskDetail, taskIdParams, toTaskSummary, updateTaskSchema } from "@/lib/tasks";

export const dynamic = "force-dynamic";

export const GET = staffRoute({ permission: "tasks.view", params: taskIdParams }, async ({ staff, params }) => ok(await getTaskDetail(await getDb(), scopeOf(staff), params.id)));

export const PUT = staffRoute({ permission: "tasks.edit", params: taskIdParams, body: updateTaskSchema }, async ({ staff, params, body, ifMatch }) => {
  const { task, changed } = await editTask(await getDb(), staff, params.id, { ...body, expectedVersion: expectedVersionOf(body.expectedVersion, ifMatch) });
  return ok({ ...toTaskSummary(task), changed }, { message: changed.length ? "Task updated" : "Nothing changed" });
});

// Other methods: 405 in the envelope, with Allow.
const notAllowed = staffMethodNotAllowed(["GET", "PUT"]);
export const POST = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
