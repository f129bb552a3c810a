// POST /api/staff/tasks/{id}/assign - assign to a staff member ("s<id>") or a team ("t<id>"); null unassigns
import { getDb } from "@/db/client";
import { ok } from "@/lib/http/envelope";
import { staffRoute } from "@/lib/http/staff-route";
import { assignTask, assignTaskSchema, taskIdParams, toTaskSummary } from "@/lib/tasks";

export const dynamic = "force-dynamic";

export const POST = staffRoute({ permission: "tasks.assign", params: taskIdParams, body: assignTaskSchema }, async ({ staff, params, body, ifMatch }) => {
  const task = await assignTask(await getDb(), staff, params.id, { ...body, expectedVersion: body.expectedVersion ?? ifMatch });
  return ok(toTaskSummary(task), { message: !task.staffId && !task.teamId ? "Task unassigned" : "Task assigned" });
});
