// Loading a task for a change: locked FOR UPDATE within the caller's scope (404 outside it),
// with the optimistic version check; every change goes through updateTask (bumps the version)
// and records its event in the same transaction.
import { and, eq, sql } from "drizzle-orm";
import type { Db, Executor, Tx } from "@/db/client";
import { tasks } from "@/db/schema";
import { recordEvent } from "@/lib/events";
import { AppError } from "@/lib/http/errors";
import { type TaskActor, taskScope, taskVisible } from "./scope";

export type TaskRow = typeof tasks.$inferSelect;

export async function lockTask(tx: Executor, actor: TaskActor, id: number, expectedVersion?: number): Promise<TaskRow> {
  const [row] = await tx
    .select()
    .from(tasks)
    .where(and(eq(tasks.id, id), taskVisible(taskScope(actor))))
    .for("update");
  if (!row) throw new AppError("not_found", `Task ${id} not found`);
  if (expectedVersion !== undefined && row.version !== expectedVersion) {
    throw new AppError("conflict", `Task ${id} was changed by someone else (now version ${row.version}, ${row.status})`, {
      data: { version: row.version, status: row.status, updatedAt: row.updatedAt },
    });
  }
  return row;
}

export async function updateTask(tx: Executor, id: number, patch: Partial<Omit<TaskRow, "id" | "version">>, now = new Date()): Promise<TaskRow> {
  const [row] = await tx
    .update(tasks)
    .set({ ...patch, updatedAt: now, version: sql`${tasks.version} + 1` })
    .where(eq(tasks.id, id))
    .returning();
  return row;
}

export function taskEvent(
  tx: Executor,
  actor: Pick<TaskActor, "id"> | null,
  taskId: number,
  action: string,
  change: { before?: unknown; after?: unknown; data?: unknown } = {},
): Promise<void> {
  return recordEvent(tx, { entityType: "task", entityId: taskId, action, staffId: actor?.id ?? null, actor: actor ? null : "system", ...change });
}

/** An event on the linked ticket's timeline (task added, closed with the ticket, ...). */
export function ticketTaskEvent(tx: Executor, actor: Pick<TaskActor, "id">, ticketId: number, action: string, data: unknown): Promise<void> {
  return recordEvent(tx, { entityType: "ticket", entityId: ticketId, ticketId, action, staffId: actor.id, data });
}

const RETRYABLE = new Set(["40P01", "40001"]);

/** A lost race (deadlock with a ticket being closed at the same time) answers 409, not 500. */
export async function taskTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await db.transaction(fn);
  } catch (e) {
    const err = e as { code?: string; cause?: { code?: string } };
    const code = err.code ?? err.cause?.code;
    if (code && RETRYABLE.has(code)) throw new AppError("conflict", "Another change happened at the same time; please try again");
    throw e;
  }
}
