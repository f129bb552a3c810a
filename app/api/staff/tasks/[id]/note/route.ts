// POST /api/staff/tasks/{id}/note - add a note to the task's thread (internal, never mailed)
import { getDb } from "@/db/client";
import { created } from "@/lib/http/envelope";
import { staffMethodNotAllowed, staffRoute } from "@/lib/http/staff-route";
import { addTaskNote, taskIdParams, taskNoteSchema, toTaskSummary } from "@/lib/tasks";

export const dynamic = "force-dynamic";

export const POST = staffRoute({ permission: "tasks.note", params: taskIdParams, body: taskNoteSchema }, async ({ staff, params, body }) => {
  const { task, entry } = await addTaskNote(await getDb(), staff, params.id, body);
  return created({ task: toTaskSummary(task), entry: { id: entry.id, bodyText: entry.bodyText, bodyHtml: entry.bodyHtml, createdAt: entry.createdAt } }, "Note added");
});

// Other methods: 405 in the envelope, with Allow.
const notAllowed = staffMethodNotAllowed(["POST"]);
export const GET = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
