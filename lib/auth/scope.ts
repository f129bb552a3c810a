// Which tickets a staff member may see: those of their departments, those assigned to them or
// to a team they belong to, and those referred to them, their teams or their departments.
// Admins see everything. Every ticket query takes this condition, so lists, counts, search and
// export agree with single-ticket reads (which answer 404 outside the scope).
import { type SQL, eq, inArray, or, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { tickets } from "@/db/schema";
import type { SessionStaff } from "./staff-context";

export interface TicketScope {
  staffId: number;
  /** Admins: no restriction. */
  all: boolean;
  deptIds: readonly number[];
  teamIds: readonly number[];
}

export function scopeOf(staff: Pick<SessionStaff, "id" | "role" | "deptIds" | "teamIds">): TicketScope {
  return { staffId: staff.id, all: staff.role === "admin", deptIds: staff.deptIds, teamIds: staff.teamIds };
}

/** Minimal column set the condition needs; pass an alias of `tickets` when the query uses one. */
type TicketColumns = Record<"id" | "deptId" | "staffId" | "teamId", AnyPgColumn>;

/** Tickets seen without a referral: assigned to the staff member, their teams, or in their departments. */
export function directlyVisible(scope: TicketScope, t: TicketColumns = tickets): SQL {
  const parts: SQL[] = [eq(t.staffId, scope.staffId)];
  if (scope.deptIds.length) parts.push(inArray(t.deptId, [...scope.deptIds]));
  if (scope.teamIds.length) parts.push(inArray(t.teamId, [...scope.teamIds]));
  return or(...parts)!;
}

/** The ids of tickets referred to the staff member, their teams or their departments (a subquery). */
export function referredTicketIds(scope: TicketScope): SQL {
  const referral: SQL[] = [sql`(r.kind = 'staff' AND r.target_id = ${scope.staffId})`];
  if (scope.teamIds.length) referral.push(sql`(r.kind = 'team' AND r.target_id IN ${[...scope.teamIds]})`);
  if (scope.deptIds.length) referral.push(sql`(r.kind = 'department' AND r.target_id IN ${[...scope.deptIds]})`);
  return sql`(SELECT r.ticket_id FROM ticket_referrals r WHERE ${sql.join(referral, sql` OR `)})`;
}

/**
 * SQL condition: the ticket row `t` is visible in `scope`. The referral test is an uncorrelated
 * IN (subquery), which PostgreSQL runs once as a hashed set rather than once per ticket.
 */
export function ticketVisible(scope: TicketScope, t: TicketColumns = tickets): SQL {
  if (scope.all) return sql`true`;
  return sql`(${directlyVisible(scope, t)} OR ${t.id} IN ${referredTicketIds(scope)})`;
}

/** Whether the staff member works in the department (admins work everywhere). */
export function hasDeptAccess(scope: TicketScope, deptId: number): boolean {
  return scope.all || scope.deptIds.includes(deptId);
}
