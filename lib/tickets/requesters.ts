// Users found or created by email address (case-insensitive). A new user whose address domain
// belongs to an organization joins it.
import { inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { users } from "@/db/schema";
import { orgIdForEmailSql } from "@/lib/orgs";

export type UserRow = typeof users.$inferSelect;

export interface Person {
  email: string;
  name?: string | null;
  phone?: string | null;
}

/** A display name for an address without one: the local part, as osTicket does. */
export function nameFromEmail(email: string): string {
  return email.split("@")[0] || email;
}

const lowerEmail = sql`lower(${users.email})`;

/** Returns a map from lower-cased address to the user row, creating the missing users (their
 * addresses are added to `created` when given). */
export async function findOrCreateUsers(tx: Executor, people: Person[], created?: Set<string>): Promise<Map<string, UserRow>> {
  const wanted = new Map<string, Person>();
  for (const p of people) {
    const email = p.email.trim().toLowerCase();
    if (email && !wanted.has(email)) wanted.set(email, { ...p, email });
  }
  const found = new Map<string, UserRow>();
  if (!wanted.size) return found;
  const load = async (emails: string[]) => {
    const rows = await tx.select().from(users).where(inArray(lowerEmail, emails));
    for (const r of rows) found.set(r.email.toLowerCase(), r);
  };
  await load([...wanted.keys()]);
  const missing = [...wanted.values()].filter((p) => !found.has(p.email));
  if (!missing.length) return found;

  // The organization is looked up inside the insert: one round trip for the usual single user.
  const inserted = await tx
    .insert(users)
    .values(
      missing.map((p) => ({
        email: p.email,
        // Names are kept as given (shown literally; exports neutralise formulas), only blank ones replaced.
        name: (p.name && p.name.trim() ? p.name : nameFromEmail(p.email)).slice(0, 200),
        phone: p.phone?.trim() || null,
        orgId: orgIdForEmailSql(p.email),
      })),
    )
    .onConflictDoNothing()
    .returning();
  for (const r of inserted) {
    found.set(r.email.toLowerCase(), r);
    created?.add(r.email.toLowerCase());
  }
  // Another transaction created some of them meanwhile: read those.
  const raced = missing.filter((p) => !found.has(p.email)).map((p) => p.email);
  if (raced.length) await load(raced);
  return found;
}

export async function findOrCreateUser(tx: Executor, person: Person): Promise<UserRow> {
  const map = await findOrCreateUsers(tx, [person]);
  return map.get(person.email.trim().toLowerCase())!;
}
