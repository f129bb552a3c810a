// Criteria as SQL on the tickets table: the one translation used by search, queues, counts,
// export and mass selection. The caller's scope and "never deleted" are always part of it.
import { type SQL, and, gte, inArray, lt, lte, sql } from "drizzle-orm";
import { tickets } from "@/db/schema";
import { type TicketScope, ticketVisible } from "@/lib/auth";
import { type Criteria, expandStatuses, isExclusiveUpperBound, resolveCriteriaDate } from "./criteria";

/** Who is asking: what the filters "me" and "myteams" and the scope need. */
export interface SearchActor {
  id: number;
  role: string;
  deptIds: readonly number[];
  teamIds: readonly number[];
}

export const scopeOfActor = (a: SearchActor): TicketScope => ({ staffId: a.id, all: a.role === "admin", deptIds: a.deptIds, teamIds: a.teamIds });

/**
 * The columns the dimension filters read. The tickets table and the ticket_counts summary
 * (lib/search/counts.ts) both provide them, so a queue's filters mean the same on both.
 */
export interface DimensionColumns {
  deptId: SQL;
  staffId: SQL;
  teamId: SQL;
  status: SQL;
  isOverdue: SQL;
  isAnswered: SQL;
  isEscalated: SQL;
  docsRequired: SQL;
  docsAcknowledged: SQL;
}

export const ticketDimensions: DimensionColumns = {
  deptId: sql`${tickets.deptId}`,
  staffId: sql`${tickets.staffId}`,
  teamId: sql`${tickets.teamId}`,
  status: sql`${tickets.status}`,
  isOverdue: sql`${tickets.isOverdue}`,
  isAnswered: sql`${tickets.isAnswered}`,
  isEscalated: sql`(${tickets.escalatedAt} IS NOT NULL)`,
  docsRequired: sql`${tickets.docsRequired}`,
  docsAcknowledged: sql`(${tickets.docsAcknowledgedAt} IS NOT NULL)`,
};

const FALSE = sql`false`;
const inList = (col: SQL, ids: readonly (number | string)[]) => (ids.length ? sql`${col} IN ${[...ids]}` : FALSE);

function assigneeSql(tokens: string[], actor: SearchActor, d: DimensionColumns): SQL {
  const parts = tokens.map((t) => {
    if (t === "me") return sql`${d.staffId} = ${actor.id}`;
    if (t === "none") return sql`(${d.staffId} IS NULL AND ${d.teamId} IS NULL)`;
    if (t === "myteams") return inList(d.teamId, actor.teamIds);
    const id = Number(t.slice(1));
    return t[0] === "s" ? sql`${d.staffId} = ${id}` : sql`${d.teamId} = ${id}`;
  });
  return sql`(${sql.join(parts, sql` OR `)})`;
}

/** Filters on the dimensions only (no scope); what the counts summary can answer. */
export function dimensionFilters(c: Criteria, actor: SearchActor, d: DimensionColumns): SQL[] {
  const out: SQL[] = [sql`${d.status} <> 'deleted'`];
  const statuses = expandStatuses(c.status);
  if (statuses) out.push(inList(d.status, statuses));
  if (c.deptId?.length) out.push(inList(d.deptId, c.deptId));
  if (c.assignee?.length) out.push(assigneeSql(c.assignee, actor, d));
  if (c.overdue !== undefined) out.push(sql`${d.isOverdue} = ${c.overdue}`);
  if (c.answered !== undefined) out.push(sql`${d.isAnswered} = ${c.answered}`);
  if (c.escalated !== undefined) out.push(sql`${d.isEscalated} = ${c.escalated}`);
  if (c.docsRequired !== undefined) out.push(sql`${d.docsRequired} = ${c.docsRequired}`);
  if (c.docsAcknowledged !== undefined) out.push(sql`${d.docsAcknowledged} = ${c.docsAcknowledged}`);
  return out;
}

/** Criteria keys the counts summary cannot answer (they need the tickets table). */
export const nonDimensionKeys = [
  "q",
  "topicId",
  "priorityId",
  "orgId",
  "userId",
  "source",
  "urgency",
  "createdFrom",
  "createdTo",
  "updatedFrom",
  "updatedTo",
  "dueFrom",
  "dueTo",
] as const satisfies readonly (keyof Criteria)[];

export const isDimensionOnly = (c: Criteria) => nonDimensionKeys.every((k) => c[k] === undefined || (Array.isArray(c[k]) && !(c[k] as unknown[]).length));

function range(col: typeof tickets.createdAt | typeof tickets.updatedAt | typeof tickets.dueAt, from: string | undefined, to: string | undefined, now: Date): SQL[] {
  const out: SQL[] = [];
  if (from) out.push(gte(col, resolveCriteriaDate(from, now, "from")));
  if (to) out.push(isExclusiveUpperBound(to) ? lt(col, resolveCriteriaDate(to, now, "to")) : lte(col, resolveCriteriaDate(to, now, "to")));
  return out;
}

/** Every filter except the free text, on the tickets table (scope included). */
export function criteriaSql(c: Criteria, actor: SearchActor, now = new Date()): SQL {
  const out: SQL[] = [ticketVisible(scopeOfActor(actor)), ...dimensionFilters(c, actor, ticketDimensions)];
  if (c.topicId?.length) out.push(inArray(tickets.topicId, c.topicId));
  if (c.priorityId?.length) out.push(inArray(tickets.priorityId, c.priorityId));
  if (c.orgId?.length) out.push(inArray(tickets.orgId, c.orgId));
  if (c.userId?.length) out.push(inArray(tickets.userId, c.userId));
  if (c.source?.length) out.push(inArray(tickets.source, c.source));
  if (c.urgency?.length) out.push(inArray(tickets.aiUrgencyLevel, c.urgency));
  out.push(...range(tickets.createdAt, c.createdFrom, c.createdTo, now));
  out.push(...range(tickets.updatedAt, c.updatedFrom, c.updatedTo, now));
  out.push(...range(tickets.dueAt, c.dueFrom, c.dueTo, now));
  return and(...out)!;
}
