// What the ticket operations need of tasks: the tasks shown on a ticket, the open ones that
// block closing it (closed along with it on request), and moving them when tickets merge.
// All run on the caller's transaction, which already holds the ticket's lock.
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { departments, staff, tasks, teams } from "@/db/schema";
import { AppError } from "@/lib/http/errors";
import { taskEvent } from "./lock";

/** The tasks of a ticket for its detail view (whoever sees the ticket sees its tasks). */
export async function tasksOfTicket(db: Executor, ticketId: number) {
  const rows = await db
    .select({
      id: tasks.id,
      title: tasks.title,
      status: tasks.status,
      department: { id: departments.id, name: departments.name },
      staff: { id: staff.id, name: staff.name },
      team: { id: teams.id, name: teams.name },
      dueAt: tasks.dueAt,
      createdAt: tasks.createdAt,
      closedAt: tasks.closedAt,
    })
    .from(tasks)
    .innerJoin(departments, eq(departments.id, tasks.deptId))
    .leftJoin(staff, eq(staff.id, tasks.staffId))
    .leftJoin(teams, eq(teams.id, tasks.teamId))
    .where(eq(tasks.ticketId, ticketId))
    .orderBy(sql`${tasks.status} = 'closed'`, asc(tasks.id));
  return rows.map(({ staff: s, team, ...t }) => ({ ...t, assignee: { staff: s, team } }));
}

/** Ticket ids among `ticketIds` that have open tasks (auto-close skips those). */
export async function ticketsWithOpenTasks(db: Executor, ticketIds: number[]): Promise<Set<number>> {
  if (!ticketIds.length) return new Set();
  const rows = await db
    .selectDistinct({ ticketId: tasks.ticketId })
    .from(tasks)
    .where(and(inArray(tasks.ticketId, ticketIds), eq(tasks.status, "open")));
  return new Set(rows.map((r) => r.ticketId!));
}

/**
 * Before a ticket leaves the open states: its open tasks either block the change (409 naming
 * them) or, with closeTasks, are closed in the same transaction. Returns the ids closed.
 */
export async function settleOpenTasks(
  tx: Executor,
  actor: { id: number },
  ticket: { id: number; number: string },
  opts: { closeTasks?: boolean; now?: Date } = {},
): Promise<number[]> {
  const open = await tx
    .select({ id: tasks.id, title: tasks.title })
    .from(tasks)
    .where(and(eq(tasks.ticketId, ticket.id), eq(tasks.status, "open")))
    .orderBy(asc(tasks.id))
    .for("update");
  if (!open.length) return [];
  if (!opts.closeTasks) {
    const names = open.map((t) => `#${t.id} "${t.title}"`).join(", ");
    throw new AppError("conflict", `Ticket #${ticket.number} has ${open.length} open task${open.length === 1 ? "" : "s"}: ${names}; close them first or send closeTasks: true`, {
      data: { tasks: open },
    });
  }
  const now = opts.now ?? new Date();
  const ids = open.map((t) => t.id);
  await tx
    .update(tasks)
    .set({ status: "closed", closedAt: now, closedById: actor.id, updatedAt: now, version: sql`${tasks.version} + 1` })
    .where(inArray(tasks.id, ids));
  for (const id of ids) {
    await taskEvent(tx, actor, id, "closed", { before: { status: "open" }, after: { status: "closed" }, data: { withTicket: { id: ticket.id, number: ticket.number } } });
  }
  return ids;
}

/** Merging: the children's tasks follow their thread into the parent. */
export async function moveTasksToTicket(tx: Executor, actor: { id: number }, fromTicketIds: number[], to: { id: number; number: string }): Promise<number[]> {
  if (!fromTicketIds.length) return [];
  const moved = await tx
    .update(tasks)
    .set({ ticketId: to.id, updatedAt: new Date(), version: sql`${tasks.version} + 1` })
    .where(inArray(tasks.ticketId, fromTicketIds))
    .returning({ id: tasks.id });
  for (const t of moved) await taskEvent(tx, actor, t.id, "moved", { data: { ticket: to } });
  return moved.map((t) => t.id);
}
