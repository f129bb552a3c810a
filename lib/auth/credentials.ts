// Checks an e-mail and password for sign-in. Unknown e-mail, wrong password and deactivated
// account get the same answer (null) after the same work (a password hash is always verified),
// so the answer reveals nothing. Throttled per account and per address (throttle.ts).
import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { staff } from "@/db/schema";
import { getSettings } from "@/lib/config/settings";
import { AppError } from "@/lib/http/errors";
import { hashPassword, verifyPassword } from "./password";
import { accountKey, addressKey, clearFailures, lockedUntil, recordFailure } from "./throttle";

export interface SignInInput {
  email?: unknown;
  password?: unknown;
  /** Client address, when known (see lib/http/client-ip). */
  ip?: string | null;
}

export interface SignedInStaff {
  id: string;
  name: string;
  email: string;
  sessionVersion: number;
}

/** Thrown while an account or address is locked; its message is shown on the sign-in page. */
export class SignInLockedError extends AppError {
  constructor(until: Date, now: Date) {
    const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
    super("rate_limited", `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`, {
      headers: { "Retry-After": String(minutes * 60) },
    });
  }
}

let dummyHash: Promise<string> | undefined;
const dummy = () => (dummyHash ??= hashPassword("not-a-real-password-used-for-timing"));

export async function authenticateStaff(db: Executor, input: SignInInput, now = new Date()): Promise<SignedInStaff | null> {
  const email = typeof input.email === "string" ? input.email.trim().toLowerCase() : "";
  const password = typeof input.password === "string" ? input.password : "";
  if (!email || !password || email.length > 320 || password.length > 1024) return null;
  const settings = await getSettings(db);
  const keys = [
    { key: accountKey(email), maxFailures: settings.signInMaxFailuresPerAccount },
    ...(input.ip ? [{ key: addressKey(input.ip), maxFailures: settings.signInMaxFailuresPerAddress }] : []),
  ];

  const locked = await lockedUntil(db, keys.map((k) => k.key), now);
  if (locked) throw new SignInLockedError(locked, now);

  const [row] = await db.select().from(staff).where(sql`lower(${staff.email}) = ${email}`);
  const valid = await verifyPassword(row?.passwordHash ?? (await dummy()), password);
  if (!row || !valid || !row.isActive || !row.passwordHash) {
    const lockedNow = await recordFailure(db, keys, now, settings.signInLockMinutes * 60_000);
    if (lockedNow) throw new SignInLockedError(lockedNow, now);
    return null;
  }
  // Only the account's count is cleared: a success must not reset a guessing address.
  await clearFailures(db, [accountKey(email)]);
  await db.update(staff).set({ lastLoginAt: now }).where(sql`${staff.id} = ${row.id}`);
  return { id: String(row.id), name: row.name, email: row.email, sessionVersion: row.sessionVersion };
}

/**
 * Re-checks a signed-in member's password (e.g. before changing it). Failures count towards the
 * same account lock as sign-in, so a stolen session cannot be used to guess the password.
 */
export async function verifyCurrentPassword(db: Executor, who: { email: string; passwordHash: string | null }, password: string, now = new Date()): Promise<boolean> {
  const settings = await getSettings(db);
  const keys = [{ key: accountKey(who.email), maxFailures: settings.signInMaxFailuresPerAccount }];
  const locked = await lockedUntil(db, [keys[0].key], now);
  if (locked) throw new SignInLockedError(locked, now);
  if (who.passwordHash && password.length <= 1024 && (await verifyPassword(who.passwordHash, password))) return true;
  const lockedNow = await recordFailure(db, keys, now, settings.signInLockMinutes * 60_000);
  if (lockedNow) throw new SignInLockedError(lockedNow, now);
  return false;
}
