// Checks shared by the task operations: the department, the linked ticket, the assignee.
import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { openStatuses } from "@/db/enums";
import { departments, staff, staffDepartments, teams, tickets } from "@/db/schema";
import { type TicketScope, hasDeptAccess, ticketVisible } from "@/lib/auth";
import { AppError } from "@/lib/http/errors";
import type { AssigneeRef } from "@/lib/tickets/schemas";

export const isOpenTicketStatus = (s: string) => (openStatuses as readonly string[]).includes(s);

export async function activeDept(db: Executor, deptId: number) {
  const [dept] = await db.select({ id: departments.id, name: departments.name, isActive: departments.isActive }).from(departments).where(eq(departments.id, deptId));
  if (!dept || !dept.isActive) throw AppError.fields({ deptId: `No active department ${deptId}` }, "Unknown department");
  return dept;
}

export async function deptOf(db: Executor, deptId: number) {
  const [dept] = await db.select({ id: departments.id, name: departments.name }).from(departments).where(eq(departments.id, deptId));
  return dept ?? { id: deptId, name: `department ${deptId}` };
}

/** Reopening a task: its ticket must be open. The number stays out of the message (the caller may not see that ticket). */
export async function assertLinkedTicketOpen(db: Executor, ticketId: number) {
  const [t] = await db.select({ status: tickets.status }).from(tickets).where(eq(tickets.id, ticketId)).for("share");
  if (t && !isOpenTicketStatus(t.status)) {
    throw new AppError("conflict", `The linked ticket is ${t.status.replace("_", " ")}; reopen it (or unlink the task) first`, { data: { ticketId } });
  }
}

/**
 * The ticket a task is linked to: visible to the caller (400 naming ticketId otherwise, the same
 * answer as for a ticket that does not exist) and locked FOR SHARE, so the ticket cannot be
 * closed while an open task is being added to it. An open task needs an open ticket.
 */
export async function linkableTicket(db: Executor, scope: TicketScope, ticketId: number, forOpenTask: boolean) {
  const [t] = await db
    .select({ id: tickets.id, number: tickets.number, status: tickets.status })
    .from(tickets)
    .where(and(eq(tickets.id, ticketId), sql`${tickets.status} <> 'deleted'`, ticketVisible(scope)))
    .for("share");
  if (!t) throw AppError.fields({ ticketId: `No ticket ${ticketId}` }, "Unknown ticket");
  if (forOpenTask && !isOpenTicketStatus(t.status)) {
    throw new AppError("conflict", `Ticket #${t.number} is ${t.status.replace("_", " ")}; reopen it before giving it open tasks`, { data: { ticket: t } });
  }
  return t;
}

/** Whether the linked ticket (if any) is visible to the caller: they keep sight of the task through it. */
export async function seesLinkedTicket(db: Executor, scope: TicketScope, ticketId: number | null): Promise<boolean> {
  if (!ticketId) return false;
  const [t] = await db.select({ id: tickets.id }).from(tickets).where(and(eq(tickets.id, ticketId), sql`${tickets.status} <> 'deleted'`, ticketVisible(scope)));
  return !!t;
}

/** A task may be put in a department the caller works in, or anywhere when linked to a ticket they see. */
export function assertPlacement(scope: TicketScope, dept: { id: number; name: string }, viaTicket: boolean) {
  if (hasDeptAccess(scope, dept.id) || viaTicket) return;
  throw new AppError("forbidden", `You do not work in ${dept.name}; link the task to a ticket you work on, or choose one of your departments`, {
    errors: { deptId: "Not one of your departments" },
  });
}

export async function staffWorksIn(db: Executor, staffId: number, deptId: number): Promise<boolean> {
  const [row] = await db
    .select({ role: staff.role, dept: staffDepartments.deptId })
    .from(staff)
    .leftJoin(staffDepartments, and(eq(staffDepartments.staffId, staff.id), eq(staffDepartments.deptId, deptId)))
    .where(eq(staff.id, staffId));
  return !!row && (row.role === "admin" || row.dept !== null);
}

/** The columns an assignment sets; staff must be active and work in the task's department. */
export async function resolveAssignee(db: Executor, dept: { id: number; name: string }, ref: AssigneeRef) {
  if (ref.kind === "team") {
    const [team] = await db.select().from(teams).where(eq(teams.id, ref.id));
    if (!team || !team.isActive) throw AppError.fields({ assignee: `No active team ${ref.id}` }, "Unknown assignee");
    return { patch: { teamId: team.id }, label: team.name };
  }
  const [who] = await db.select().from(staff).where(eq(staff.id, ref.id));
  if (!who || !who.isActive) throw AppError.fields({ assignee: `No active staff member ${ref.id}` }, "Unknown assignee");
  if (!(await staffWorksIn(db, who.id, dept.id))) throw AppError.fields({ assignee: `${who.name} does not work in ${dept.name}` }, "The assignee has no access to this department");
  return { patch: { staffId: who.id }, label: who.name };
}
