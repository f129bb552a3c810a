// Loading a ticket for a change: locked FOR UPDATE inside the caller's transaction, within the
// caller's scope (404 outside it), with the optimistic version check (409 naming the current
// state). Changes then go through updateTicket, which bumps the version.
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db, Executor, Tx } from "@/db/client";
import { staff, teams, tickets } from "@/db/schema";
import { ticketVisible } from "@/lib/auth";
import { AppError } from "@/lib/http/errors";
import { type Actor, actorScope } from "./actor";

export type TicketRow = typeof tickets.$inferSelect;

export interface LockOptions {
  expectedVersion?: number;
  /** Deleted tickets are invisible unless the operation is about them (restore). */
  includeDeleted?: boolean;
  /** Operations that make no sense on a merged child refuse it with 409. */
  refuseMerged?: boolean;
}

export async function lockTicket(tx: Executor, actor: Actor, tid: number, opts: LockOptions = {}): Promise<TicketRow> {
  const [row] = await tx
    .select()
    .from(tickets)
    .where(and(eq(tickets.id, tid), ticketVisible(actorScope(actor))))
    .for("update");
  if (!row || (row.status === "deleted" && !opts.includeDeleted)) throw new AppError("not_found", `Ticket ${tid} not found`);
  if (opts.expectedVersion !== undefined && row.version !== opts.expectedVersion) {
    throw await conflict(tx, row, `Ticket #${row.number} was changed by someone else`);
  }
  if (opts.refuseMerged && row.mergedIntoId) {
    const [parent] = await tx.select({ number: tickets.number }).from(tickets).where(eq(tickets.id, row.mergedIntoId));
    throw new AppError("conflict", `Ticket #${row.number} is merged into #${parent?.number ?? row.mergedIntoId}`, {
      data: { mergedInto: { id: row.mergedIntoId, number: parent?.number ?? null } },
    });
  }
  return row;
}

/**
 * Locks several tickets, and the tickets already merged into them (a merge re-points those), in
 * one statement in id order, so parallel operations on overlapping sets cannot deadlock. 404
 * names the tickets missing from the caller's scope.
 */
export async function lockTickets(tx: Executor, actor: Actor, tids: number[]): Promise<Map<number, TicketRow>> {
  const ids = [...new Set(tids)].sort((a, b) => a - b);
  const found = await tx
    .select()
    .from(tickets)
    .where(
      and(
        sql`(${inArray(tickets.id, ids)} OR ${inArray(tickets.mergedIntoId, ids)})`,
        ticketVisible(actorScope(actor)),
        sql`${tickets.status} <> 'deleted'`,
      ),
    )
    .orderBy(tickets.id)
    .for("update");
  const byId = new Map(found.map((r) => [r.id, r]));
  const missing = ids.filter((i) => !byId.has(i));
  if (missing.length) throw new AppError("not_found", `Ticket${missing.length > 1 ? "s" : ""} not found: ${missing.join(", ")}`);
  return byId;
}

export interface AssigneeState {
  staff: { id: number; name: string } | null;
  team: { id: number; name: string } | null;
}

export async function assigneeOf(db: Executor, row: Pick<TicketRow, "staffId" | "teamId">): Promise<AssigneeState> {
  const [s] = row.staffId ? await db.select({ id: staff.id, name: staff.name }).from(staff).where(eq(staff.id, row.staffId)) : [];
  const [t] = row.teamId ? await db.select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.id, row.teamId)) : [];
  return { staff: s ?? null, team: t ?? null };
}

export function describeAssignee(a: AssigneeState): string {
  if (a.staff && a.team) return `${a.staff.name} (${a.team.name})`;
  return a.staff?.name ?? a.team?.name ?? "nobody";
}

/** 409 whose message and data name the ticket's current state. */
export async function conflict(db: Executor, row: TicketRow, reason: string): Promise<AppError> {
  const assignee = await assigneeOf(db, row);
  return new AppError("conflict", `${reason} (now version ${row.version}, status ${row.status}, assigned to ${describeAssignee(assignee)})`, {
    data: { version: row.version, status: row.status, assignee, updatedAt: row.updatedAt },
  });
}

/** Applies a change and bumps the version; every ticket write goes through here. */
export async function updateTicket(tx: Executor, id: number, patch: Partial<Omit<TicketRow, "id" | "version">>, now = new Date()): Promise<TicketRow> {
  const [row] = await tx
    .update(tickets)
    .set({ ...patch, updatedAt: now, version: sql`${tickets.version} + 1` })
    .where(eq(tickets.id, id))
    .returning();
  return row;
}

/** PostgreSQL's deadlock and serialization failures: the request may simply be retried. */
const RETRYABLE = new Set(["40P01", "40001"]);

/** A transaction for ticket changes; a lost race with another transaction answers 409, not 500. */
export async function ticketTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await db.transaction(fn);
  } catch (e) {
    const code = (e as { code?: string; cause?: { code?: string } }).code ?? (e as { cause?: { code?: string } }).cause?.code;
    if (code && RETRYABLE.has(code)) throw new AppError("conflict", "Another change to these tickets happened at the same time; please try again");
    throw e;
  }
}
