// Referrals grant a staff member, team or department sight of a ticket without assigning it.
import { and, eq } from "drizzle-orm";
import type { Db, Executor } from "@/db/client";
import { departments, staff, teams, ticketReferrals } from "@/db/schema";
import { AppError } from "@/lib/http/errors";
import type { Actor } from "./actor";
import { ticketEvent } from "./events";
import { lockTicket, updateTicket, ticketTransaction } from "./lock";
import { addOperationNote } from "./notes";
import type { ReferInput, ReferralTarget } from "./schemas";

async function targetName(db: Executor, to: ReferralTarget): Promise<string | null> {
  if (to.kind === "staff") {
    const [s] = await db.select({ name: staff.name, ok: staff.isActive }).from(staff).where(eq(staff.id, to.id));
    return s?.ok ? s.name : null;
  }
  if (to.kind === "team") {
    const [t] = await db.select({ name: teams.name, ok: teams.isActive }).from(teams).where(eq(teams.id, to.id));
    return t?.ok ? t.name : null;
  }
  const [d] = await db.select({ name: departments.name, ok: departments.isActive }).from(departments).where(eq(departments.id, to.id));
  return d?.ok ? d.name : null;
}

const sameTarget = (tid: number, to: ReferralTarget) =>
  and(eq(ticketReferrals.ticketId, tid), eq(ticketReferrals.kind, to.kind), eq(ticketReferrals.targetId, to.id));

export async function referTicket(db: Db, actor: Actor, tid: number, input: ReferInput) {
  return ticketTransaction(db, async (tx) => {
    const t = await lockTicket(tx, actor, tid);
    const name = await targetName(tx, input.to);
    if (!name) throw AppError.fields({ to: `No active ${input.to.kind} ${input.to.id}` }, "Unknown referral target");
    const [row] = await tx
      .insert(ticketReferrals)
      .values({ ticketId: t.id, kind: input.to.kind, targetId: input.to.id, createdById: actor.id })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError("conflict", `Ticket #${t.number} is already referred to ${name}`);
    const updated = await updateTicket(tx, t.id, {});
    await ticketEvent(tx, actor, t.id, "referred", { after: { kind: input.to.kind, targetId: input.to.id }, data: { name } });
    await addOperationNote(tx, actor, t.id, input.comment);
    return { ticket: updated, referral: { id: row.id, kind: row.kind, targetId: row.targetId, name } };
  });
}

export async function removeReferral(db: Db, actor: Actor, tid: number, to: ReferralTarget) {
  return ticketTransaction(db, async (tx) => {
    const t = await lockTicket(tx, actor, tid);
    const removed = await tx.delete(ticketReferrals).where(sameTarget(t.id, to)).returning();
    if (!removed.length) throw new AppError("not_found", `Ticket #${t.number} is not referred to ${to.kind} ${to.id}`);
    const updated = await updateTicket(tx, t.id, {});
    await ticketEvent(tx, actor, t.id, "referral_removed", { before: { kind: to.kind, targetId: to.id } });
    return updated;
  });
}
