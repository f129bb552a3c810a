// Failed sign-ins are counted per account (the e-mail typed, known or not) and per client
// address. `maxFailures` failures within the window lock that key for the lock period; the
// count restarts once the window or the lock has passed. One statement per key, so parallel
// attempts are counted exactly.
import { inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { rows } from "@/db/rows";
import { loginThrottle } from "@/db/schema";

export interface ThrottleKey {
  key: string;
  maxFailures: number;
}

export const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
export const addressKey = (ip: string) => `ip:${ip}`;

/** The latest lock end among the keys, or null when none is locked at `now`. */
export async function lockedUntil(db: Executor, keys: string[], now: Date): Promise<Date | null> {
  if (!keys.length) return null;
  const found = await db
    .select({ lockedUntil: loginThrottle.lockedUntil })
    .from(loginThrottle)
    .where(inArray(loginThrottle.key, keys));
  const ends = found.map((r) => r.lockedUntil).filter((d): d is Date => !!d && d > now);
  return ends.length ? new Date(Math.max(...ends.map((d) => d.getTime()))) : null;
}

/** Counts one failure on each key; returns the lock end if this failure locked any of them. */
export async function recordFailure(db: Executor, keys: ThrottleKey[], now: Date, periodMs: number): Promise<Date | null> {
  let locked: Date | null = null;
  const windowStart = new Date(now.getTime() - periodMs);
  const lockEnd = new Date(now.getTime() + periodMs);
  for (const { key, maxFailures } of keys) {
    // A stale row (window over, or lock over) starts counting again from one.
    const stale = sql`(login_throttle.window_started_at < ${windowStart} OR (login_throttle.locked_until IS NOT NULL AND login_throttle.locked_until <= ${now}))`;
    const next = sql`CASE WHEN ${stale} THEN 1 ELSE login_throttle.failures + 1 END`;
    const [row] = await rows<{ locked_until: Date | string | null }>(
      db,
      sql`INSERT INTO login_throttle (key, failures, window_started_at, locked_until, updated_at)
          VALUES (${key}, 1, ${now}, ${maxFailures <= 1 ? lockEnd : null}::timestamptz, ${now})
          ON CONFLICT (key) DO UPDATE SET
            failures = ${next},
            window_started_at = CASE WHEN ${stale} THEN ${now} ELSE login_throttle.window_started_at END,
            locked_until = CASE WHEN ${next} >= ${maxFailures} THEN ${lockEnd}::timestamptz ELSE NULL END,
            updated_at = ${now}
          RETURNING locked_until`,
    );
    if (row?.locked_until) locked = new Date(row.locked_until);
  }
  return locked;
}

export async function clearFailures(db: Executor, keys: string[]): Promise<void> {
  if (keys.length) await db.delete(loginThrottle).where(inArray(loginThrottle.key, keys));
}
