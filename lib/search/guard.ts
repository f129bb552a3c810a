// A statement timeout around one search statement, so a plan that turns out slow (a walk that
// finds little, a count of many matches) gives way to a cheaper answer instead of holding a
// connection. Inside a caller's transaction the previous setting is restored afterwards.
import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { rows } from "@/db/rows";

export const GUARD_MS = 300;

export const isCanceled = (e: unknown) => {
  const err = e as { code?: string; cause?: { code?: string } };
  return err?.code === "57014" || err?.cause?.code === "57014";
};

/** Runs fn under the timeout; null when it fired. */
export async function guarded<T>(db: Executor, fn: (tx: Executor) => Promise<T>, ms = GUARD_MS): Promise<T | null> {
  try {
    return await db.transaction(async (tx) => {
      const [{ prev }] = await rows<{ prev: string }>(tx, sql`SELECT current_setting('statement_timeout') AS prev, set_config('statement_timeout', ${String(ms)}, true)`);
      const out = await fn(tx);
      await tx.execute(sql`SELECT set_config('statement_timeout', ${prev}, true)`);
      return out;
    });
  } catch (e) {
    if (isCanceled(e)) return null;
    throw e;
  }
}
