// Small reads for the panel: a ticket by its public number (search box, merge picker), the most
// recent tickets the caller may see (the /tickets placeholder until the queue view lands) and the
// ticket's version with what changed since a moment (the ticket view polls it).
import { and, asc, desc, eq, gt, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { departments, events, priorities, staff, tickets, users } from "@/db/schema";
import { can, ticketVisible } from "@/lib/auth";
import { AppError } from "@/lib/http/errors";
import { type Actor, actorScope } from "./actor";

const summary = {
  id: tickets.id,
  number: tickets.number,
  subject: tickets.subject,
  status: tickets.status,
  isOverdue: tickets.isOverdue,
  dueAt: tickets.dueAt,
  mergedIntoId: tickets.mergedIntoId,
  createdAt: tickets.createdAt,
  updatedAt: tickets.updatedAt,
  user: { id: users.id, name: users.name, email: users.email },
  department: { id: departments.id, name: departments.name },
  priority: { id: priorities.id, name: priorities.name, color: priorities.color },
  assignee: { id: staff.id, name: staff.name },
};

function summaries(db: Executor) {
  return db
    .select(summary)
    .from(tickets)
    .innerJoin(users, eq(users.id, tickets.userId))
    .innerJoin(departments, eq(departments.id, tickets.deptId))
    .innerJoin(priorities, eq(priorities.id, tickets.priorityId))
    .leftJoin(staff, eq(staff.id, tickets.staffId));
}
export type TicketListItem = Awaited<ReturnType<typeof listRecentTickets>>[number];

/** The ticket with this public number within the caller's scope (deleted ones excluded), else 404. */
export async function findTicketByNumber(db: Executor, actor: Actor, number: string) {
  const [row] = await summaries(db).where(and(eq(tickets.number, number.trim()), ticketVisible(actorScope(actor)), sql`${tickets.status} <> 'deleted'`));
  if (!row) throw new AppError("not_found", `Ticket #${number.trim()} not found`);
  return row;
}

/** The caller's most recently updated visible tickets, open ones first. */
export function listRecentTickets(db: Executor, actor: Actor, opts: { limit?: number } = {}) {
  return summaries(db)
    .where(and(ticketVisible(actorScope(actor)), sql`${tickets.status} <> 'deleted'`))
    .orderBy(sql`${tickets.status} IN ('open', 'awaiting_client') DESC`, desc(tickets.updatedAt), desc(tickets.id))
    .limit(Math.min(Math.max(opts.limit ?? 50, 1), 200));
}

/**
 * The ticket's version, and the events recorded after `since` by someone other than the caller
 * (what the "changed while you were writing" notice names).
 */
export async function getTicketVersion(db: Executor, actor: Actor, tid: number, since?: Date) {
  const [row] = await db
    .select({ id: tickets.id, version: tickets.version, status: tickets.status, updatedAt: tickets.updatedAt })
    .from(tickets)
    .where(and(eq(tickets.id, tid), ticketVisible(actorScope(actor))));
  if (!row || (row.status === "deleted" && !can(actor, "tickets.restore"))) throw new AppError("not_found", `Ticket ${tid} not found`);
  const changes = since
    ? await db
        .select({ action: events.action, staffName: staff.name, userName: users.name, actor: events.actor, createdAt: events.createdAt })
        .from(events)
        .leftJoin(staff, eq(staff.id, events.staffId))
        .leftJoin(users, eq(users.id, events.userId))
        .where(and(eq(events.ticketId, tid), gt(events.createdAt, since), sql`${events.staffId} IS DISTINCT FROM ${actor.id}`))
        .orderBy(asc(events.id))
        .limit(20)
    : [];
  return { ...row, changes: changes.map((c) => ({ action: c.action, by: c.staffName ?? c.userName ?? c.actor ?? "system", at: c.createdAt })) };
}
