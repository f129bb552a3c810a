// Assignment: to a staff member or a team, claim (assign to oneself, only while unassigned and
// open), release. The assignee must be active and work in the ticket's department. Each runs
// on the locked row, so concurrent claims serialise: the first wins, the others get a 409
// naming the winner.
import { and, eq } from "drizzle-orm";
import type { Db, Executor } from "@/db/client";
import { departments, staff, staffDepartments, teams } from "@/db/schema";
import { hasDeptAccess } from "@/lib/auth";
import { AppError } from "@/lib/http/errors";
import { type Actor, actorScope } from "./actor";
import { ticketEvent } from "./events";
import { type TicketRow, assigneeOf, conflict, describeAssignee, lockTicket, updateTicket, ticketTransaction } from "./lock";
import { addOperationNote } from "./notes";
import { notifyAssignment } from "./notify";
import type { AssignInput, AssigneeRef, ClaimInput, ReleaseInput } from "./schemas";
import { isOpenStatus } from "./status";

/** Whether a staff member works in the department (admins everywhere). */
export async function staffWorksIn(db: Executor, staffId: number, deptId: number): Promise<boolean> {
  const [row] = await db
    .select({ role: staff.role, dept: staffDepartments.deptId })
    .from(staff)
    .leftJoin(staffDepartments, and(eq(staffDepartments.staffId, staff.id), eq(staffDepartments.deptId, deptId)))
    .where(eq(staff.id, staffId));
  return !!row && (row.role === "admin" || row.dept !== null);
}

async function deptName(db: Executor, deptId: number) {
  const [d] = await db.select({ name: departments.name }).from(departments).where(eq(departments.id, deptId));
  return d?.name ?? `#${deptId}`;
}

/** Checks the target and returns the columns to set. */
async function resolveAssignee(tx: Executor, t: TicketRow, ref: AssigneeRef) {
  if (ref.kind === "team") {
    const [team] = await tx.select().from(teams).where(eq(teams.id, ref.id));
    if (!team || !team.isActive) throw AppError.fields({ assignee: `No active team ${ref.id}` }, "Unknown assignee");
    return { patch: { teamId: team.id }, label: team.name, same: t.teamId === team.id, id: team.id };
  }
  const [who] = await tx.select().from(staff).where(eq(staff.id, ref.id));
  if (!who || !who.isActive) throw AppError.fields({ assignee: `No active staff member ${ref.id}` }, "Unknown assignee");
  if (!(await staffWorksIn(tx, who.id, t.deptId))) {
    throw AppError.fields({ assignee: `${who.name} does not work in ${await deptName(tx, t.deptId)}` }, "The assignee has no access to this department");
  }
  return { patch: { staffId: who.id }, label: who.name, same: t.staffId === who.id, id: who.id };
}

export async function assignTicket(db: Db, actor: Actor, tid: number, input: AssignInput) {
  return ticketTransaction(db, async (tx) => {
    const t = await lockTicket(tx, actor, tid, { expectedVersion: input.expectedVersion, refuseMerged: true });
    const target = await resolveAssignee(tx, t, input.assignee);
    if (target.same) throw await conflict(tx, t, `Ticket #${t.number} is already assigned to ${target.label}`);
    const updated = await updateTicket(tx, t.id, target.patch);
    const self = input.assignee.kind === "staff" && input.assignee.id === actor.id;
    await ticketEvent(tx, actor, t.id, self ? "claimed" : "assigned", {
      before: { staffId: t.staffId, teamId: t.teamId },
      after: { staffId: updated.staffId, teamId: updated.teamId },
      data: { assignee: target.label, kind: input.assignee.kind },
    });
    await addOperationNote(tx, actor, t.id, input.comment);
    await notifyAssignment(tx, actor, updated, { kind: input.assignee.kind, id: target.id, label: target.label });
    return updated;
  });
}

export async function claimTicket(db: Db, actor: Actor, tid: number, input: ClaimInput = {}) {
  return ticketTransaction(db, async (tx) => {
    const t = await lockTicket(tx, actor, tid, { expectedVersion: input.expectedVersion, refuseMerged: true });
    if (t.staffId) {
      const owner = await assigneeOf(tx, t);
      const msg = t.staffId === actor.id ? `You already own ticket #${t.number}` : `Ticket #${t.number} is already assigned to ${describeAssignee(owner)}`;
      throw new AppError("conflict", msg, { data: { version: t.version, status: t.status, assignee: owner } });
    }
    if (!isOpenStatus(t.status)) throw new AppError("conflict", `Only open tickets can be claimed (ticket #${t.number} is ${t.status})`);
    if (!hasDeptAccess(actorScope(actor), t.deptId)) {
      throw new AppError("forbidden", `You do not work in ${await deptName(tx, t.deptId)}; ask someone there to assign it`);
    }
    const updated = await updateTicket(tx, t.id, { staffId: actor.id });
    await ticketEvent(tx, actor, t.id, "claimed", { before: { staffId: null }, after: { staffId: actor.id } });
    await addOperationNote(tx, actor, t.id, input.comment);
    return updated;
  });
}

export async function releaseTicket(db: Db, actor: Actor, tid: number, input: ReleaseInput) {
  return ticketTransaction(db, async (tx) => {
    const t = await lockTicket(tx, actor, tid, { expectedVersion: input.expectedVersion });
    const patch: Partial<TicketRow> = {};
    if (input.staff && t.staffId) patch.staffId = null;
    if (input.team && t.teamId) patch.teamId = null;
    if (!Object.keys(patch).length) throw new AppError("conflict", `Nothing to release: ticket #${t.number} is not assigned`);
    const updated = await updateTicket(tx, t.id, patch);
    await ticketEvent(tx, actor, t.id, "released", {
      before: { staffId: t.staffId, teamId: t.teamId },
      after: { staffId: updated.staffId, teamId: updated.teamId },
    });
    await addOperationNote(tx, actor, t.id, input.comment);
    return updated;
  });
}
