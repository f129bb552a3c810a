// The audit log. Call recordEvent with the same transaction as the change it describes.
import type { Executor } from "@/db/client";
import { events } from "@/db/schema";

export interface EventInput {
  entityType: string;
  entityId?: number | null;
  ticketId?: number | null;
  action: string;
  staffId?: number | null;
  userId?: number | null;
  actor?: string | null;
  before?: unknown;
  after?: unknown;
  data?: unknown;
}

export async function recordEvent(db: Executor, input: EventInput): Promise<void> {
  await recordEvents(db, [input]);
}

export async function recordEvents(db: Executor, inputs: EventInput[]): Promise<void> {
  if (!inputs.length) return;
  await db.insert(events).values(
    inputs.map((e) => ({
      entityType: e.entityType,
      entityId: e.entityId ?? null,
      ticketId: e.ticketId ?? null,
      action: e.action,
      staffId: e.staffId ?? null,
      userId: e.userId ?? null,
      actor: e.actor ?? null,
      before: e.before ?? null,
      after: e.after ?? null,
      data: e.data ?? null,
    })),
  );
}
