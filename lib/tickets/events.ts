// Ticket events: who did what, before and after, in the same transaction as the change.
import type { Executor } from "@/db/client";
import { recordEvent } from "@/lib/events";
import type { Actor } from "./actor";

export function ticketEvent(
  tx: Executor,
  actor: Actor | null,
  ticketId: number,
  action: string,
  change: { before?: unknown; after?: unknown; data?: unknown } = {},
): Promise<void> {
  return recordEvent(tx, {
    entityType: "ticket",
    entityId: ticketId,
    ticketId,
    action,
    staffId: actor?.id ?? null,
    actor: actor ? null : "system",
    ...change,
  });
}
