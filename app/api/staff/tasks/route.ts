// GET|POST /api/staff/tasks - tasks the caller may see (filters, keyset pages {items,total,nextCursor}); create a task
import { getDb } from "@/db/client";
import { scopeOf } from "@/lib/auth";
import { created, ok } from "@/lib/http/envelope";
import { staffMethodNotAllowed, staffRoute } from "@/lib/http/staff-route";
import { createTask, createTaskSchema, listTasks, listTasksQuery, toTaskSummary } from "@/lib/tasks";

export const dynamic = "force-dynamic";

export const GET = staffRoute({ permission: "tasks.view", query: listTasksQuery }, async ({ staff, query }) => ok(await listTasks(await getDb(), scopeOf(staff), query)));

export const POST = staffRoute({ permission: "tasks.create", body: createTaskSchema }, async ({ staff, body }) => {
  const task = await createTask(await getDb(), staff, body);
  return created(toTaskSummary(task), `Task ${task.id} created`);
});

// Other methods: 405 in the envelope, with Allow.
const notAllowed = staffMethodNotAllowed(["GET", "POST"]);
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
