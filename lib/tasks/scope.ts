// Which tasks a staff member may see: those of their departments, those assigned to them or to
// one of their teams, and those linked to a ticket they may see. Admins see all. Every task
// query takes this condition, so lists, counts and single reads (404 outside it) agree.
import { type SQL, eq, inArray, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { tasks, tickets } from "@/db/schema";
import { type SessionStaff, type TicketScope, scopeOf, ticketVisible } from "@/lib/auth";

export type TaskActor = Pick<SessionStaff, "id" | "name" | "email" | "role" | "deptIds" | "teamIds">;

export const taskScope = (actor: TaskActor): TicketScope => scopeOf(actor);

const linked = alias(tickets, "linked_ticket");

/** The linked ticket (aliased `linked_ticket`) is visible; for joins that show it. */
export function linkedTicketVisible(scope: TicketScope): SQL {
  return sql`${linked.status} <> 'deleted' AND ${ticketVisible(scope, linked)}`;
}
export { linked as linkedTicket };

export function taskVisible(scope: TicketScope): SQL {
  if (scope.all) return sql`true`;
  const parts: SQL[] = [eq(tasks.staffId, scope.staffId)];
  if (scope.deptIds.length) parts.push(inArray(tasks.deptId, [...scope.deptIds]));
  if (scope.teamIds.length) parts.push(inArray(tasks.teamId, [...scope.teamIds]));
  parts.push(sql`EXISTS (SELECT 1 FROM ${tickets} ${sql.identifier("linked_ticket")} WHERE ${linked.id} = ${tasks.ticketId} AND ${linkedTicketVisible(scope)})`);
  return or(...parts)!;
}
