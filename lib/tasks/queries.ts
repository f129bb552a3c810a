// Reading tasks: the filtered list (keyset pages, total under the same scope) and one task with
// its thread and events.
import { type SQL, and, asc, desc, eq, gte, ilike, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "@/db/client";
import { departments, events, staff, taskEntries, tasks, teams } from "@/db/schema";
import type { TicketScope } from "@/lib/auth";
import { AppError } from "@/lib/http/errors";
import { decodeCursor, encodeCursor } from "@/lib/http/page-cursor";
import { type TaskJoined, toTaskItem } from "./dto";
import type { ListTasksQuery } from "./schemas";
import { linkedTicket, linkedTicketVisible, taskVisible } from "./scope";

const creator = alias(staff, "task_creator");
const closer = alias(staff, "task_closer");

function joined(db: Executor, scope: TicketScope) {
  return db
    .select({
      task: tasks,
      department: { id: departments.id, name: departments.name },
      staff: { id: staff.id, name: staff.name },
      team: { id: teams.id, name: teams.name },
      ticket: { id: linkedTicket.id, number: linkedTicket.number, subject: linkedTicket.subject, status: linkedTicket.status },
      createdBy: { id: creator.id, name: creator.name },
      closedBy: { id: closer.id, name: closer.name },
    })
    .from(tasks)
    .innerJoin(departments, eq(departments.id, tasks.deptId))
    .leftJoin(staff, eq(staff.id, tasks.staffId))
    .leftJoin(teams, eq(teams.id, tasks.teamId))
    .leftJoin(linkedTicket, and(eq(linkedTicket.id, tasks.ticketId), linkedTicketVisible(scope)))
    .leftJoin(creator, eq(creator.id, tasks.createdById))
    .leftJoin(closer, eq(closer.id, tasks.closedById))
    .$dynamic();
}

const dayAfter = (d: string) => new Date(new Date(`${d}T00:00:00Z`).getTime() + 86_400_000);

function filters(scope: TicketScope, q: ListTasksQuery): SQL[] {
  const where: SQL[] = [taskVisible(scope)];
  if (q.status?.length) where.push(inArray(tasks.status, q.status));
  if (q.deptId?.length) where.push(inArray(tasks.deptId, q.deptId));
  if (q.ticketId) where.push(eq(tasks.ticketId, q.ticketId));
  if (q.dueFrom) where.push(gte(tasks.dueAt, new Date(q.dueFrom.length === 10 ? `${q.dueFrom}T00:00:00Z` : q.dueFrom)));
  if (q.dueTo) where.push(q.dueTo.length === 10 ? lt(tasks.dueAt, dayAfter(q.dueTo)) : sql`${tasks.dueAt} <= ${new Date(q.dueTo)}`);
  if (q.q) where.push(ilike(tasks.title, `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  if (q.assignee?.length) {
    const any = q.assignee.map((a): SQL => {
      if (a === "me") return eq(tasks.staffId, scope.staffId);
      if (a === "none") return and(isNull(tasks.staffId), isNull(tasks.teamId))!;
      return a.startsWith("t") ? eq(tasks.teamId, Number(a.slice(1))) : eq(tasks.staffId, Number(a.slice(1)));
    });
    where.push(or(...any)!);
  }
  return where;
}

type Key = [string | null, number];
const isKey = (v: unknown[]): v is Key => v.length === 2 && (v[0] === null || typeof v[0] === "string") && Number.isInteger(v[1]);

/** Sort column, its order, and the keyset condition after a cursor. Timestamps travel as PostgreSQL text (microseconds kept). */
function ordering(sort: ListTasksQuery["sort"], after: Key | null) {
  if (sort === "created") {
    return { key: sql<string | null>`NULL::text`, order: [desc(tasks.id)], after: after ? lt(tasks.id, after[1]) : undefined };
  }
  if (sort === "updated") {
    const seek = after && after[0] !== null ? sql`(${tasks.updatedAt}, ${tasks.id}) < (${after[0]}::timestamptz, ${after[1]})` : undefined;
    return { key: sql<string | null>`${tasks.updatedAt}::text`, order: [desc(tasks.updatedAt), desc(tasks.id)], after: seek };
  }
  // Due soonest first, undated last.
  let seek: SQL | undefined;
  if (after) {
    seek =
      after[0] === null
        ? sql`(${tasks.dueAt} IS NULL AND ${tasks.id} > ${after[1]})`
        : sql`(${tasks.dueAt} > ${after[0]}::timestamptz OR (${tasks.dueAt} = ${after[0]}::timestamptz AND ${tasks.id} > ${after[1]}) OR ${tasks.dueAt} IS NULL)`;
  }
  return { key: sql<string | null>`${tasks.dueAt}::text`, order: [sql`${tasks.dueAt} ASC NULLS LAST`, asc(tasks.id)], after: seek };
}

export async function listTasks(db: Executor, scope: TicketScope, q: ListTasksQuery) {
  const where = filters(scope, q);
  const after = q.cursor ? decodeCursor(q.cursor, isKey) : null;
  const o = ordering(q.sort, after);
  const [rows, [{ n }]] = await Promise.all([
    db
      .select({ id: tasks.id, key: o.key })
      .from(tasks)
      .where(and(...where, o.after))
      .orderBy(...o.order)
      .limit(q.limit + 1),
    db.select({ n: sql<number>`count(*)::int` }).from(tasks).where(and(...where)),
  ]);
  const more = rows.length > q.limit;
  const page = more ? rows.slice(0, q.limit) : rows;
  const full = page.length ? await joined(db, scope).where(inArray(tasks.id, page.map((r) => r.id))) : [];
  const byId = new Map(full.map((r) => [r.task.id, r as TaskJoined]));
  const now = new Date();
  const last = page[page.length - 1];
  return {
    items: page.map((r) => toTaskItem(byId.get(r.id)!, now)),
    total: Number(n),
    nextCursor: more ? encodeCursor([last.key, last.id]) : null,
  };
}

/** GET /tasks/{id}: the task, its description, thread and events. */
export async function getTaskDetail(db: Executor, scope: TicketScope, id: number) {
  const [row] = await joined(db, scope).where(and(eq(tasks.id, id), taskVisible(scope)));
  if (!row) throw new AppError("not_found", `Task ${id} not found`);
  const [thread, history] = await Promise.all([
    db.select().from(taskEntries).where(eq(taskEntries.taskId, id)).orderBy(asc(taskEntries.createdAt), asc(taskEntries.id)),
    db
      .select({ event: events, staffName: staff.name })
      .from(events)
      .leftJoin(staff, eq(staff.id, events.staffId))
      .where(and(eq(events.entityType, "task"), eq(events.entityId, id)))
      .orderBy(asc(events.id)),
  ]);
  return {
    ...toTaskItem(row as TaskJoined),
    description: row.task.description,
    thread: thread.map((e) => ({ id: e.id, staff: e.staffId ? { id: e.staffId, name: e.posterName } : null, bodyText: e.bodyText, bodyHtml: e.bodyHtml, createdAt: e.createdAt })),
    events: history.map(({ event: e, staffName }) => ({
      id: e.id,
      action: e.action,
      staff: e.staffId ? { id: e.staffId, name: staffName } : null,
      actor: e.actor,
      before: e.before,
      after: e.after,
      data: e.data,
      createdAt: e.createdAt,
    })),
  };
}
