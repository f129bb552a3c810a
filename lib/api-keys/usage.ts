// Last-used time and address of API keys, kept in memory and written in one batch at most every
// few seconds instead of on each request.
import { eq } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import { apiKeys } from "@/db/schema";

const FLUSH_DELAY_MS = 5_000;
const pending = new Map<number, { at: Date; ip: string | null }>();
let timer: NodeJS.Timeout | null = null;

export function noteApiKeyUse(keyId: number, ip: string | null): void {
  pending.set(keyId, { at: new Date(), ip });
  if (!timer) {
    timer = setTimeout(() => {
      timer = null;
      getDb()
        .then((db) => flushApiKeyUsage(db))
        .catch((e) => console.error("[api-keys] last-use flush failed:", (e as Error).message));
    }, FLUSH_DELAY_MS);
    timer.unref();
  }
}

/** Writes the pending last-use records (also called by tests and the cron run). */
export async function flushApiKeyUsage(db: Executor): Promise<number> {
  const batch = [...pending];
  pending.clear();
  for (const [id, use] of batch) {
    await db.update(apiKeys).set({ lastUsedAt: use.at, lastUsedIp: use.ip }).where(eq(apiKeys.id, id));
  }
  return batch.length;
}
