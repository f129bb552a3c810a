// Reading users: the search behind every user picker (fast at a million users), and one user
// with the recent tickets the caller may see.
import { eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { rows } from "@/db/rows";
import { organizations, users } from "@/db/schema";
import type { TicketScope } from "@/lib/auth";
import { AppError } from "@/lib/http/errors";
import { likePrefix, recentTicketsOf, wordsPrefixMatch } from "@/lib/orgs";
import { toUser } from "./dto";

const LIMIT = 25;

export async function getUser(db: Executor, id: number) {
  const [row] = await db
    .select({ user: users, org: { id: organizations.id, name: organizations.name } })
    .from(users)
    .leftJoin(organizations, eq(organizations.id, users.orgId))
    .where(eq(users.id, id));
  if (!row) throw new AppError("not_found", `User ${id} not found`);
  return toUser(row.user, row.org);
}

/** GET /users/{id}: the user and their recent tickets, only those the caller may see. */
export async function getUserDetail(db: Executor, scope: TicketScope, id: number) {
  const user = await getUser(db, id);
  return { ...user, tickets: await recentTicketsOf(db, scope, { userId: id }) };
}

type Hit = { id: number; rank: number; k: string };

/**
 * Best matches first: an exact email or name, then names starting with the query, then emails
 * starting with it, then names with a word starting with it ("smi" finds "John Smith"). Each
 * tier reads at most 25 rows in index order (users_name_prefix_idx, users_email_prefix_idx);
 * the word tier (GIN users_name_words_idx) runs only when the first tiers leave room.
 */
export async function searchUsers(db: Executor, q: string) {
  const lq = q.toLowerCase();
  const prefix = likePrefix(q);
  const lname = sql`lower(${users.name}) COLLATE "C"`;
  const lemail = sql`lower(${users.email}) COLLATE "C"`;
  const hits = await rows<Hit>(
    db,
    sql`SELECT id, min(rank)::int AS rank, min(k) AS k FROM (
          (SELECT ${users.id} AS id, CASE WHEN lower(${users.name}) = ${lq} THEN 0 ELSE 1 END AS rank, ${lname} AS k
             FROM ${users} WHERE ${lname} LIKE ${prefix} ORDER BY ${lname} LIMIT ${LIMIT})
          UNION ALL
          (SELECT ${users.id}, CASE WHEN lower(${users.email}) = ${lq} THEN 0 ELSE 2 END, ${lemail}
             FROM ${users} WHERE ${lemail} LIKE ${prefix} ORDER BY ${lemail} LIMIT ${LIMIT})
        ) h GROUP BY id ORDER BY 2, 3 LIMIT ${LIMIT}`,
  );
  const words = wordsPrefixMatch(users.name, q);
  if (hits.length < LIMIT && words) {
    const seen = hits.map((h) => Number(h.id));
    const more = await rows<Hit>(
      db,
      sql`SELECT ${users.id} AS id, 3 AS rank, ${lname} AS k FROM ${users}
          WHERE ${words} ${seen.length ? sql`AND ${users.id} NOT IN ${seen}` : sql``}
          ORDER BY ${lname}, ${users.id} LIMIT ${LIMIT - hits.length}`,
    );
    hits.push(...more);
  }
  const ids = hits.map((h) => Number(h.id));
  if (!ids.length) return { items: [], total: 0, nextCursor: null };
  const found = await db
    .select({ user: users, org: { id: organizations.id, name: organizations.name } })
    .from(users)
    .leftJoin(organizations, eq(organizations.id, users.orgId))
    .where(inArray(users.id, ids));
  const byId = new Map(found.map((r) => [r.user.id, toUser(r.user, r.org)]));
  const items = ids.map((id) => byId.get(id)!).filter(Boolean);
  return { items, total: items.length, nextCursor: null };
}
