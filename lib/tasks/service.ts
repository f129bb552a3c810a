// Task operations. Each runs in one transaction on the locked task, records its event, and
// keeps the rule of the linked ticket: an open task needs an open ticket (the ticket's close
// checks the other direction, lib/tickets/status.ts).
import type { Db, Executor } from "@/db/client";
import { taskEntries, tasks } from "@/db/schema";
import { htmlToText, sanitizeHtml } from "@/lib/email";
import { AppError } from "@/lib/http/errors";
import { textToHtml } from "@/lib/threads";
import { type TaskRow, lockTask, taskEvent, taskTransaction, ticketTaskEvent, updateTask } from "./lock";
import { activeDept, assertLinkedTicketOpen, assertPlacement, deptOf, linkableTicket, resolveAssignee, seesLinkedTicket, staffWorksIn } from "./rules";
import type { AssignTaskInput, CloseTaskInput, CreateTaskInput, TaskNoteInput, TransferTaskInput, UpdateTaskInput } from "./schemas";
import { type TaskActor, taskScope } from "./scope";

async function insertNote(tx: Executor, actor: TaskActor, taskId: number, body: { text: string; html: string }) {
  const [entry] = await tx.insert(taskEntries).values({ taskId, staffId: actor.id, posterName: actor.name, bodyText: body.text, bodyHtml: body.html }).returning();
  return entry;
}

/** An operation's comment becomes a note of the task's thread. */
async function commentNote(tx: Executor, actor: TaskActor, taskId: number, comment: string | undefined) {
  const text = comment?.trim();
  if (text) await insertNote(tx, actor, taskId, { text, html: textToHtml(text) });
}

const snapshot = (t: TaskRow) => ({ title: t.title, status: t.status, ticketId: t.ticketId, deptId: t.deptId, staffId: t.staffId, teamId: t.teamId, dueAt: t.dueAt });

export async function createTask(db: Db, actor: TaskActor, input: CreateTaskInput): Promise<TaskRow> {
  return taskTransaction(db, async (tx) => {
    const scope = taskScope(actor);
    const dept = await activeDept(tx, input.deptId);
    const ticket = input.ticketId ? await linkableTicket(tx, scope, input.ticketId, true) : null;
    assertPlacement(scope, dept, !!ticket);
    const assignee = input.assignee ? await resolveAssignee(tx, dept, input.assignee) : null;
    const [row] = await tx
      .insert(tasks)
      .values({
        title: input.title,
        description: input.description,
        ticketId: ticket?.id ?? null,
        deptId: dept.id,
        dueAt: input.dueAt ?? null,
        createdById: actor.id,
        ...assignee?.patch,
      })
      .returning();
    await taskEvent(tx, actor, row.id, "created", { after: snapshot(row) });
    if (ticket) await ticketTaskEvent(tx, actor, ticket.id, "task_added", { taskId: row.id, title: row.title });
    return row;
  });
}

export async function editTask(db: Db, actor: TaskActor, id: number, input: UpdateTaskInput) {
  return taskTransaction(db, async (tx) => {
    const t = await lockTask(tx, actor, id, input.expectedVersion);
    const patch: Partial<TaskRow> = {};
    if (input.title !== undefined && input.title !== t.title) patch.title = input.title;
    if (input.description !== undefined && input.description !== t.description) patch.description = input.description;
    if (input.dueAt !== undefined && input.dueAt?.getTime() !== t.dueAt?.getTime()) patch.dueAt = input.dueAt;
    if (input.ticketId !== undefined && input.ticketId !== t.ticketId) {
      if (input.ticketId) await linkableTicket(tx, taskScope(actor), input.ticketId, t.status === "open");
      patch.ticketId = input.ticketId;
    }
    const changed = Object.keys(patch);
    if (!changed.length) return { task: t, changed };
    const updated = await updateTask(tx, t.id, patch);
    const pick = (r: TaskRow) => Object.fromEntries(changed.map((k) => [k, k === "description" ? `${r.description.length} characters` : r[k as keyof TaskRow]]));
    await taskEvent(tx, actor, t.id, "edited", { before: pick(t), after: pick(updated) });
    if ("ticketId" in patch) {
      if (t.ticketId) await ticketTaskEvent(tx, actor, t.ticketId, "task_unlinked", { taskId: t.id, title: updated.title });
      if (updated.ticketId) await ticketTaskEvent(tx, actor, updated.ticketId, "task_linked", { taskId: t.id, title: updated.title });
    }
    return { task: updated, changed };
  });
}

export async function assignTask(db: Db, actor: TaskActor, id: number, input: AssignTaskInput): Promise<TaskRow> {
  return taskTransaction(db, async (tx) => {
    const t = await lockTask(tx, actor, id, input.expectedVersion);
    let patch: Partial<TaskRow>;
    let label: string;
    if (input.assignee === null) {
      if (!t.staffId && !t.teamId) throw new AppError("conflict", `Task ${t.id} is not assigned`);
      patch = { staffId: null, teamId: null };
      label = "nobody";
    } else {
      const target = await resolveAssignee(tx, await deptOf(tx, t.deptId), input.assignee);
      if (("staffId" in target.patch && target.patch.staffId === t.staffId) || ("teamId" in target.patch && target.patch.teamId === t.teamId)) {
        throw new AppError("conflict", `Task ${t.id} is already assigned to ${target.label}`);
      }
      patch = target.patch;
      label = target.label;
    }
    const updated = await updateTask(tx, t.id, patch);
    await taskEvent(tx, actor, t.id, input.assignee === null ? "unassigned" : "assigned", {
      before: { staffId: t.staffId, teamId: t.teamId },
      after: { staffId: updated.staffId, teamId: updated.teamId },
      data: { assignee: label },
    });
    await commentNote(tx, actor, t.id, input.comment);
    return updated;
  });
}

export async function transferTask(db: Db, actor: TaskActor, id: number, input: TransferTaskInput): Promise<TaskRow> {
  return taskTransaction(db, async (tx) => {
    const t = await lockTask(tx, actor, id, input.expectedVersion);
    const dept = await activeDept(tx, input.deptId);
    if (dept.id === t.deptId) throw new AppError("conflict", `Task ${t.id} is already in ${dept.name}`);
    assertPlacement(taskScope(actor), dept, await seesLinkedTicket(tx, taskScope(actor), t.ticketId));
    const patch: Partial<TaskRow> = { deptId: dept.id };
    if (t.staffId && !(await staffWorksIn(tx, t.staffId, dept.id))) patch.staffId = null;
    const updated = await updateTask(tx, t.id, patch);
    await taskEvent(tx, actor, t.id, "transferred", { before: { deptId: t.deptId, staffId: t.staffId }, after: { deptId: updated.deptId, staffId: updated.staffId } });
    await commentNote(tx, actor, t.id, input.comment);
    return updated;
  });
}

export async function closeTask(db: Db, actor: TaskActor, id: number, input: CloseTaskInput): Promise<TaskRow> {
  return taskTransaction(db, async (tx) => {
    const t = await lockTask(tx, actor, id, input.expectedVersion);
    if (t.status === "closed") throw new AppError("conflict", `Task ${t.id} is already closed`);
    const now = new Date();
    const updated = await updateTask(tx, t.id, { status: "closed", closedAt: now, closedById: actor.id }, now);
    await taskEvent(tx, actor, t.id, "closed", { before: { status: "open" }, after: { status: "closed" } });
    await commentNote(tx, actor, t.id, input.comment);
    return updated;
  });
}

export async function reopenTask(db: Db, actor: TaskActor, id: number, input: CloseTaskInput): Promise<TaskRow> {
  return taskTransaction(db, async (tx) => {
    const t = await lockTask(tx, actor, id, input.expectedVersion);
    if (t.status === "open") throw new AppError("conflict", `Task ${t.id} is already open`);
    // A closed ticket keeps no open tasks: reopen the ticket first (or unlink the task).
    if (t.ticketId) await assertLinkedTicketOpen(tx, t.ticketId);
    const updated = await updateTask(tx, t.id, { status: "open", closedAt: null, closedById: null });
    await taskEvent(tx, actor, t.id, "reopened", { before: { status: "closed" }, after: { status: "open" } });
    await commentNote(tx, actor, t.id, input.comment);
    return updated;
  });
}

export async function addTaskNote(db: Db, actor: TaskActor, id: number, input: TaskNoteInput) {
  return taskTransaction(db, async (tx) => {
    const t = await lockTask(tx, actor, id);
    const body = input.format === "html" ? htmlBody(input.body) : { text: input.body, html: textToHtml(input.body) };
    const entry = await insertNote(tx, actor, t.id, body);
    const task = await updateTask(tx, t.id, {});
    await taskEvent(tx, actor, t.id, "note_added", { data: { entryId: entry.id } });
    return { task, entry };
  });
}

function htmlBody(html: string) {
  const clean = sanitizeHtml(html);
  return { text: htmlToText(clean.html).text.trim(), html: clean.html };
}
