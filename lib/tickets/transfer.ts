// Transfer to another department: the caller must work in the ticket's department and in the
// new one (or be an admin); an assignee who does not work in the new one is unassigned; a closed
// ticket reopens; optionally the old department keeps sight of it through a referral.
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { departments, ticketReferrals } from "@/db/schema";
import { hasDeptAccess } from "@/lib/auth";
import { AppError } from "@/lib/http/errors";
import { type Actor, actorScope } from "./actor";
import { staffWorksIn } from "./assign";
import { ticketEvent } from "./events";
import { type TicketRow, lockTicket, updateTicket, ticketTransaction } from "./lock";
import { addOperationNote } from "./notes";
import type { TransferInput } from "./schemas";
import { isOpenStatus, statusPatch } from "./status";

export async function transferTicket(db: Db, actor: Actor, tid: number, input: TransferInput) {
  return ticketTransaction(db, async (tx) => {
    const t = await lockTicket(tx, actor, tid, { expectedVersion: input.expectedVersion, refuseMerged: true });
    // Moving a ticket out of a department is that department's call: a referral (or an
    // assignment) lets one see and work the ticket, not take it away from its department.
    if (!hasDeptAccess(actorScope(actor), t.deptId)) {
      const [current] = await tx.select({ name: departments.name }).from(departments).where(eq(departments.id, t.deptId));
      throw new AppError("forbidden", `Only members of ${current?.name ?? "its department"} or an admin can transfer ticket #${t.number}`);
    }
    const [dept] = await tx.select().from(departments).where(eq(departments.id, input.deptId));
    if (!dept || !dept.isActive) throw AppError.fields({ deptId: `No active department ${input.deptId}` }, "Unknown department");
    if (!hasDeptAccess(actorScope(actor), dept.id)) throw new AppError("forbidden", `You do not work in ${dept.name}`);
    if (t.deptId === dept.id) throw new AppError("conflict", `Ticket #${t.number} is already in ${dept.name}`);

    const now = new Date();
    const patch: Partial<TicketRow> = { deptId: dept.id };
    if (t.staffId && !(await staffWorksIn(tx, t.staffId, dept.id))) patch.staffId = null;
    if (!isOpenStatus(t.status)) Object.assign(patch, await statusPatch(tx, actor, t, "open", now));
    const updated = await updateTicket(tx, t.id, patch, now);
    if (input.refer) {
      await tx
        .insert(ticketReferrals)
        .values({ ticketId: t.id, kind: "department", targetId: t.deptId, createdById: actor.id })
        .onConflictDoNothing();
    }
    await ticketEvent(tx, actor, t.id, "transferred", {
      before: { deptId: t.deptId, staffId: t.staffId, status: t.status },
      after: { deptId: updated.deptId, staffId: updated.staffId, status: updated.status },
      data: { referredBack: !!input.refer },
    });
    await addOperationNote(tx, actor, t.id, input.comment);
    return updated;
  });
}
