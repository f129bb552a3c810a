// Deleted tickets are removed for good after the retention period (setting
// deletedRetentionDays, default 30), with their entries, attachments and the file bytes no
// other attachment uses. A plain function: the cron registry (lib/cron) runs it daily. The
// same removal serves deleting a user together with their tickets.
import { and, eq, inArray, isNotNull, lt, sql } from "drizzle-orm";
import type { Db, Executor } from "@/db/client";
import { tickets } from "@/db/schema";
import { getSettings } from "@/lib/config/settings";
import { rows } from "@/db/rows";
import { recordEvents } from "@/lib/events";
import type { Actor } from "./actor";

export interface PurgeResult {
  purged: number;
  blobsRemoved: number;
}

type Doomed = { id: number; number: string; deletedAt: Date | null };

/** Removes the tickets (locked by the caller) and the file bytes only they used; returns the blobs removed. */
async function removeTickets(tx: Executor, batch: Doomed[], who: { staffId?: number; actor?: string }): Promise<number> {
  const ids = batch.map((t) => t.id);
  const shas = await rows<{ sha: string }>(
    tx,
    sql`SELECT DISTINCT blob_sha256 AS sha FROM attachments
        WHERE ticket_id IN ${ids} OR entry_id IN (SELECT id FROM thread_entries WHERE ticket_id IN ${ids})`,
  );
  // Entries, attachments, collaborators, referrals and events go with the ticket (FK cascade).
  await tx.delete(tickets).where(inArray(tickets.id, ids));
  let blobsRemoved = 0;
  const candidates = shas.map((r) => r.sha);
  if (candidates.length) {
    const removed = await rows(
      tx,
      sql`DELETE FROM blobs b WHERE b.sha256 IN ${candidates}
          AND NOT EXISTS (SELECT 1 FROM attachments a WHERE a.blob_sha256 = b.sha256) RETURNING b.sha256`,
    );
    blobsRemoved = removed.length;
  }
  // What was purged stays findable in the audit log (ticketId null: the row is gone).
  await recordEvents(
    tx,
    batch.map((t) => ({ entityType: "ticket", entityId: t.id, action: "purged", staffId: who.staffId ?? null, actor: who.actor ?? null, data: { number: t.number, deletedAt: t.deletedAt } })),
  );
  return blobsRemoved;
}

export async function purgeDeletedTickets(db: Db, opts: { now?: Date; batchSize?: number } = {}): Promise<PurgeResult> {
  const now = opts.now ?? new Date();
  const { deletedRetentionDays } = await getSettings(db);
  const cutoff = new Date(now.getTime() - deletedRetentionDays * 86_400_000);
  const result: PurgeResult = { purged: 0, blobsRemoved: 0 };
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const batch = await tx
        .select({ id: tickets.id, number: tickets.number, deletedAt: tickets.deletedAt })
        .from(tickets)
        .where(and(sql`${tickets.status} = 'deleted'`, isNotNull(tickets.deletedAt), lt(tickets.deletedAt, cutoff)))
        .orderBy(tickets.id)
        .limit(opts.batchSize ?? 200)
        .for("update", { skipLocked: true });
      if (!batch.length) return true;
      result.blobsRemoved += await removeTickets(tx, batch, { actor: "cron:purge-deleted" });
      result.purged += batch.length;
      return false;
    });
    if (done) return result;
  }
}

/** Every ticket the user owns, removed for good in the caller's transaction (deleting the user). */
export async function purgeTicketsOfUser(tx: Executor, actor: Pick<Actor, "id">, userId: number): Promise<number> {
  const batch = await tx
    .select({ id: tickets.id, number: tickets.number, deletedAt: tickets.deletedAt })
    .from(tickets)
    .where(eq(tickets.userId, userId))
    .orderBy(tickets.id)
    .for("update");
  // In slices: each statement carries the ids as parameters.
  for (let i = 0; i < batch.length; i += 1000) await removeTickets(tx, batch.slice(i, i + 1000), { staffId: actor.id });
  return batch.length;
}
