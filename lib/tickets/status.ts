// Status changes: open, awaiting client, resolved, closed, archived. Closing records who and
// when and clears overdue; reopening recomputes the SLA due date. A no-op is a 409.
import type { Db, Executor } from "@/db/client";
import { type TicketStatus, openStatuses } from "@/db/enums";
import { AppError } from "@/lib/http/errors";
import { settleOpenTasks } from "@/lib/tasks";
import type { Actor } from "./actor";
import { ticketEvent } from "./events";
import { type TicketRow, lockTicket, lockTickets, ticketTransaction, updateTicket } from "./lock";
import { addOperationNote } from "./notes";
import type { StatusChangeInput } from "./schemas";
import { dueForSla } from "./sla";

export const isOpenStatus = (s: TicketStatus) => (openStatuses as readonly string[]).includes(s);

/** The columns a move from one status to another changes. */
export async function statusPatch(tx: Executor, actor: Actor | null, t: TicketRow, to: TicketStatus, now: Date): Promise<Partial<TicketRow>> {
  const wasOpen = isOpenStatus(t.status);
  const patch: Partial<TicketRow> = { status: to };
  if (!isOpenStatus(to) && (wasOpen || to === "closed")) {
    Object.assign(patch, { closedAt: now, closedById: actor?.id ?? null, isOverdue: false });
  } else if (isOpenStatus(to) && !wasOpen) {
    Object.assign(patch, { closedAt: null, closedById: null, reopenedAt: now, isOverdue: false, dueAt: await dueForSla(tx, t.slaId, now) });
  }
  return patch;
}

export interface ApplyStatusOptions {
  /** Close the ticket's open tasks with it; without it they block leaving the open states (409). */
  closeTasks?: boolean;
  now?: Date;
}

/** Applies a status change to a locked ticket, with its event and optional note. */
export async function applyStatus(tx: Executor, actor: Actor, t: TicketRow, to: TicketStatus, comment: string | undefined, opts: ApplyStatusOptions = {}) {
  const now = opts.now ?? new Date();
  if (t.status === to) throw new AppError("conflict", `Ticket #${t.number} is already ${to.replace("_", " ")}`, { data: { status: t.status } });
  const closedTasks = isOpenStatus(to) ? [] : await settleOpenTasks(tx, actor, t, { closeTasks: opts.closeTasks, now });
  const updated = await updateTicket(tx, t.id, await statusPatch(tx, actor, t, to, now), now);
  await ticketEvent(tx, actor, t.id, isOpenStatus(to) && !isOpenStatus(t.status) ? "reopened" : "status_changed", {
    before: { status: t.status },
    after: { status: to },
    ...(closedTasks.length ? { data: { closedTasks } } : {}),
  });
  await addOperationNote(tx, actor, t.id, comment);
  return updated;
}

export async function changeTicketStatus(db: Db, actor: Actor, tid: number, input: StatusChangeInput) {
  return ticketTransaction(db, async (tx) => {
    // With children, the parent and its merged children are locked together in id order.
    const locked = input.children ? await lockTickets(tx, actor, [tid]) : null;
    const t = await lockTicket(tx, actor, tid, { expectedVersion: input.expectedVersion });
    const updated = await applyStatus(tx, actor, t, input.status, input.comment, { closeTasks: input.closeTasks });
    const children: number[] = [];
    for (const kid of locked ? [...locked.values()] : []) {
      if (kid.mergedIntoId !== t.id || kid.status === input.status) continue;
      await applyStatus(tx, actor, kid, input.status, undefined, { closeTasks: input.closeTasks });
      children.push(kid.id);
    }
    return { ticket: updated, children };
  });
}
