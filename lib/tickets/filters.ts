// The list filters as SQL conditions on the tickets table (used by export and mass selection).
import { type SQL, and, eq, gte, ilike, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { openStatuses } from "@/db/enums";
import { tickets } from "@/db/schema";
import { ticketVisible } from "@/lib/auth";
import { type Actor, actorScope } from "./actor";
import type { TicketFilter } from "./schemas";

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Scope, not deleted, and every filter given. */
export function ticketFilterSql(actor: Actor, f: TicketFilter): SQL {
  const c: (SQL | undefined)[] = [ticketVisible(actorScope(actor)), sql`${tickets.status} <> 'deleted'`];
  if (f.status?.length) {
    const statuses = f.status.flatMap((s) => (s === "any_open" ? [...openStatuses] : [s]));
    c.push(inArray(tickets.status, statuses));
  }
  if (f.deptId?.length) c.push(inArray(tickets.deptId, f.deptId));
  if (f.staffId?.length) {
    const ids = f.staffId.map((s) => (s === "me" ? actor.id : s)).filter((s): s is number => typeof s === "number");
    c.push(or(ids.length ? inArray(tickets.staffId, ids) : undefined, f.staffId.includes("none") ? isNull(tickets.staffId) : undefined));
  }
  if (f.teamId?.length) {
    const ids = f.teamId.filter((s): s is number => typeof s === "number");
    c.push(or(ids.length ? inArray(tickets.teamId, ids) : undefined, f.teamId.includes("none") ? isNull(tickets.teamId) : undefined));
  }
  if (f.topicId?.length) c.push(inArray(tickets.topicId, f.topicId));
  if (f.priorityId?.length) c.push(inArray(tickets.priorityId, f.priorityId));
  if (f.orgId?.length) c.push(inArray(tickets.orgId, f.orgId));
  if (f.userId?.length) c.push(inArray(tickets.userId, f.userId));
  if (f.source?.length) c.push(inArray(tickets.source, f.source));
  if (f.overdue !== undefined) c.push(eq(tickets.isOverdue, f.overdue));
  if (f.answered !== undefined) c.push(eq(tickets.isAnswered, f.answered));
  if (f.createdFrom) c.push(gte(tickets.createdAt, f.createdFrom));
  if (f.createdTo) c.push(lte(tickets.createdAt, f.createdTo));
  if (f.updatedFrom) c.push(gte(tickets.updatedAt, f.updatedFrom));
  if (f.updatedTo) c.push(lte(tickets.updatedAt, f.updatedTo));
  if (f.q) c.push(ilike(tickets.subject, `%${escapeLike(f.q)}%`));
  if (f.tids?.length) c.push(inArray(tickets.id, f.tids));
  return and(...c)!;
}
