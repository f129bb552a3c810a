// Automatic membership: a new user whose email domain is one of an organization's domains joins
// it. Used by every path that creates users (intake, staff-opened tickets, POST /users).
import { type SQL, sql } from "drizzle-orm";
import { organizations } from "@/db/schema";

export function emailDomain(email: string): string {
  const at = email.lastIndexOf("@");
  return at < 0 ? "" : email.slice(at + 1).trim().toLowerCase();
}

/** SQL for the id of the organization a new user with this address joins, or NULL. */
export function orgIdForEmailSql(email: string): SQL<number | null> {
  return sql<number | null>`(SELECT ${organizations.id} FROM ${organizations} WHERE ${organizations.domains} @> ARRAY[${emailDomain(email)}]::text[] ORDER BY ${organizations.id} LIMIT 1)`;
}
