// Reading users: the newest users in keyset pages, the search behind every user picker (fast at
// a million users), and one user with the recent tickets the caller may see.
import { desc, eq, inArray, lt, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { rows } from "@/db/rows";
import { organizations, users } from "@/db/schema";
import type { TicketScope } from "@/lib/auth";
import { AppError } from "@/lib/http/errors";
import { decodeCursor, encodeCursor } from "@/lib/http/page-cursor";
import { type PageQuery, likePrefix, recentTicketsOf, wordsPrefixMatch } from "@/lib/orgs";
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

/** The expressions of the search indexes (db/schema/orgs.ts); queries must repeat them exactly. */
const lname = sql`lower(${users.name}) COLLATE "C"`;
const lemail = sql`lower(${users.email}) COLLATE "C"`;
const lastWord = sql`regexp_replace(lower(${users.name}), '^.*[[:space:]]', '') COLLATE "C"`;

/** Rows the any-word tier reads at most: the GIN index cannot return rows in name order. */
const WORD_TIER_CAP = 200;

/**
 * Best matches first: an exact email or name, then names starting with the query, emails
 * starting with it, names whose last word (the surname) starts with it, and last names with any
 * other word starting with it ("smi" finds "Ana Smith-Lee"). The first tiers each read at most 25
 * rows in index order (users_name_prefix_idx, users_email_prefix_idx, users_name_last_word_idx);
 * the word tier (GIN users_name_words_idx) runs only when they leave room, on a bounded set.
 */
export async function searchUsers(db: Executor, q: string) {
  const lq = q.toLowerCase();
  const prefix = likePrefix(q);
  const hits = await rows<Hit>(
    db,
    sql`SELECT id, min(rank)::int AS rank, min(k) AS k FROM (
          (SELECT ${users.id} AS id, CASE WHEN lower(${users.name}) = ${lq} THEN 0 ELSE 1 END AS rank, ${lname} AS k
             FROM ${users} WHERE ${lname} LIKE ${prefix} ORDER BY ${lname} LIMIT ${LIMIT})
          UNION ALL
          (SELECT ${users.id}, CASE WHEN lower(${users.email}) = ${lq} THEN 0 ELSE 2 END, ${lemail}
             FROM ${users} WHERE ${lemail} LIKE ${prefix} ORDER BY ${lemail} LIMIT ${LIMIT})
          UNION ALL
          (SELECT ${users.id}, 3, ${lastWord}
             FROM ${users} WHERE ${lastWord} LIKE ${prefix} ORDER BY ${lastWord} LIMIT ${LIMIT})
        ) h GROUP BY id ORDER BY 2, 3 LIMIT ${LIMIT}`,
  );
  const words = wordsPrefixMatch(users.name, q);
  if (hits.length < LIMIT && words) {
    const seen = hits.map((h) => Number(h.id));
    // MATERIALIZED: otherwise the planner may walk the name index in order and filter, which
    // reads the whole table when the word is rare.
    const more = await rows<Hit>(
      db,
      sql`WITH m AS MATERIALIZED (
            SELECT ${users.id} AS id, ${lname} AS k FROM ${users}
            WHERE ${words} ${seen.length ? sql`AND ${users.id} NOT IN ${seen}` : sql``} LIMIT ${WORD_TIER_CAP})
          SELECT id, 4 AS rank, k FROM m ORDER BY k, id LIMIT ${LIMIT - hits.length}`,
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

const isIdCursor = (v: unknown[]): v is [number] => v.length === 1 && Number.isInteger(v[0]);

/** GET /users: the newest users first (by id, the primary key: cheap at any size), in keyset pages. */
export async function listUsers(db: Executor, page: PageQuery) {
  const after = page.cursor ? decodeCursor(page.cursor, isIdCursor)[0] : null;
  const [found, [{ n }]] = await Promise.all([
    db
      .select({ user: users, org: { id: organizations.id, name: organizations.name } })
      .from(users)
      .leftJoin(organizations, eq(organizations.id, users.orgId))
      .where(after ? lt(users.id, after) : undefined)
      .orderBy(desc(users.id))
      .limit(page.limit + 1),
    db.select({ n: sql<number>`count(*)::int` }).from(users),
  ]);
  const more = found.length > page.limit;
  const items = (more ? found.slice(0, page.limit) : found).map((r) => toUser(r.user, r.org));
  return { items, total: Number(n), nextCursor: more ? encodeCursor([items[items.length - 1].id]) : null };
}
