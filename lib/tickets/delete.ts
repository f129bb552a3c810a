// Delete moves a ticket to the deleted state (hidden everywhere); an admin can restore it
// within the retention period (setting deletedRetentionDays); purge.ts removes it after that.
import { and, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { TicketStatus } from "@/db/enums";
import { events } from "@/db/schema";
import { getSettings } from "@/lib/config/settings";
import { AppError } from "@/lib/http/errors";
import type { Actor } from "./actor";
import { ticketEvent } from "./events";
import { lockTicket, updateTicket, ticketTransaction } from "./lock";

export async function deleteTicket(db: Db, actor: Actor, tid: number, opts: { expectedVersion?: number } = {}) {
  return ticketTransaction(db, async (tx) => {
    const t = await lockTicket(tx, actor, tid, { expectedVersion: opts.expectedVersion });
    const now = new Date();
    const updated = await updateTicket(tx, t.id, { status: "deleted", deletedAt: now }, now);
    // The status before deletion lives in the event; restore reads it back.
    await ticketEvent(tx, actor, t.id, "deleted", { before: { status: t.status }, after: { status: "deleted" } });
    return updated;
  });
}

export async function restoreTicket(db: Db, actor: Actor, tid: number, now = new Date()) {
  const { deletedRetentionDays } = await getSettings(db);
  return ticketTransaction(db, async (tx) => {
    const t = await lockTicket(tx, actor, tid, { includeDeleted: true });
    if (t.status !== "deleted") throw new AppError("conflict", `Ticket #${t.number} is not deleted`);
    if (t.deletedAt && now.getTime() - t.deletedAt.getTime() > deletedRetentionDays * 86_400_000) {
      throw new AppError("gone", `Ticket #${t.number} was deleted more than ${deletedRetentionDays} days ago and can no longer be restored`);
    }
    const [last] = await tx
      .select({ before: events.before })
      .from(events)
      .where(and(eq(events.ticketId, t.id), eq(events.action, "deleted")))
      .orderBy(desc(events.id))
      .limit(1);
    const previous = ((last?.before as { status?: TicketStatus } | null)?.status ?? "open") as TicketStatus;
    const status = previous === "deleted" ? "open" : previous;
    const updated = await updateTicket(tx, t.id, { status, deletedAt: null }, now);
    await ticketEvent(tx, actor, t.id, "restored", { before: { status: "deleted" }, after: { status } });
    return updated;
  });
}
