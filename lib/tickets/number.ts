// Public ticket numbers. As osTicket: random digits, first digit not 0, unique (retry on
// collision). Six digits until half of that space is used, then seven, and so on. A setting
// switches to a plain sequence.
import { randomInt } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { rows } from "@/db/rows";
import type { TicketNumberFormat } from "@/db/enums";

export const MIN_DIGITS = 6;
const DIGITS_CACHE_MS = 60_000;

export function randomTicketNumber(digits: number): string {
  const first = randomInt(1, 10);
  let rest = "";
  for (let i = 1; i < digits; i++) rest += randomInt(0, 10);
  return `${first}${rest}`;
}

/** How many numbers of this length exist (with first digit 1-9). */
export const capacityOf = (digits: number) => 9 * 10 ** (digits - 1);

let digitsCache: { at: number; digits: number } | null = null;

/** The shortest length (from 6) whose space is at most half used. */
export async function pickDigits(countWithDigits: (digits: number, limit: number) => Promise<number>): Promise<number> {
  let digits = MIN_DIGITS;
  while ((await countWithDigits(digits, capacityOf(digits) / 2 + 1)) > capacityOf(digits) / 2) digits++;
  return digits;
}

/** Counts tickets whose number has this many digits, stopping at `limit` rows. */
export async function countTicketsWithDigits(db: Executor, digits: number, limit: number): Promise<number> {
  const [{ n }] = await rows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM tickets WHERE length(number) = ${digits} LIMIT ${limit}) s`,
  );
  return n;
}

export async function currentDigits(db: Executor): Promise<number> {
  if (digitsCache && Date.now() - digitsCache.at < DIGITS_CACHE_MS) return digitsCache.digits;
  const digits = await pickDigits((d, limit) => countTicketsWithDigits(db, d, limit));
  digitsCache = { at: Date.now(), digits };
  return digits;
}

export function clearDigitsCache(): void {
  digitsCache = null;
}

export async function nextTicketNumber(db: Executor, format: TicketNumberFormat): Promise<string> {
  if (format === "sequence") {
    const [{ n }] = await rows<{ n: string }>(db, sql`SELECT nextval('ticket_number_seq')::text AS n`);
    return n;
  }
  return randomTicketNumber(await currentDigits(db));
}

const MAX_ATTEMPTS = 25;

/**
 * Calls `insert` with candidate numbers until one is not taken. `insert` must use
 * ON CONFLICT (number) DO NOTHING and return null when the number was taken, so a collision
 * never aborts the surrounding transaction.
 */
export async function withUniqueNumber<T>(
  db: Executor,
  format: TicketNumberFormat,
  insert: (number: string) => Promise<T | null>,
): Promise<T> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const result = await insert(await nextTicketNumber(db, format));
    if (result !== null) return result;
    // Many collisions in a row mean the space is fuller than the cache thinks.
    if (attempt === 4) clearDigitsCache();
  }
  throw new Error(`Could not allocate a unique ticket number after ${MAX_ATTEMPTS} attempts`);
}
