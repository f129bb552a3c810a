// Reading organizations: the directory list by name, search for pickers, one organization for
// its page, its members.
// Every staff member sees organizations; their tickets are filtered by the caller's scope.
import { and, asc, eq, gt, or, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { organizations, staff, users } from "@/db/schema";
import type { TicketScope } from "@/lib/auth";
import { AppError } from "@/lib/http/errors";
import { decodeCursor, encodeCursor } from "@/lib/http/page-cursor";
import { toOrg } from "./dto";
import { likePrefix, wordsPrefixMatch } from "./match";
import type { PageQuery } from "./schemas";
import { recentTicketsOf } from "./tickets";

const SEARCH_LIMIT = 25;

export async function getOrg(db: Executor, id: number) {
  const [row] = await db
    .select({ org: organizations, pm: { id: staff.id, name: staff.name, email: staff.email } })
    .from(organizations)
    .leftJoin(staff, eq(staff.id, organizations.accountPmId))
    .where(eq(organizations.id, id));
  if (!row) throw new AppError("not_found", `Organization ${id} not found`);
  return toOrg(row.org, row.pm);
}

/** GET /orgs/{id}: the organization, its member count and the recent tickets the caller may see. */
export async function getOrgDetail(db: Executor, scope: TicketScope, id: number) {
  const org = await getOrg(db, id);
  const [[{ n }], tickets] = await Promise.all([
    db.select({ n: sql<number>`count(*)::int` }).from(users).where(eq(users.orgId, id)),
    recentTicketsOf(db, scope, { orgId: id }),
  ]);
  return { ...org, memberCount: Number(n), tickets };
}

/** Name prefix first (exact name on top), then a word of the name, then an email domain. */
export async function searchOrgs(db: Executor, q: string) {
  const prefix = likePrefix(q);
  const lname = sql`lower(${organizations.name})`;
  const domainPrefix = sql`EXISTS (SELECT 1 FROM unnest(${organizations.domains}) d WHERE d LIKE ${prefix})`;
  const words = wordsPrefixMatch(organizations.name, q);
  const rank = sql<number>`CASE WHEN ${lname} = ${q.toLowerCase()} THEN 0 WHEN ${lname} LIKE ${prefix} THEN 1 WHEN ${words ?? sql`false`} THEN 2 ELSE 3 END`;
  const rows = await db
    .select({ org: organizations, pm: { id: staff.id, name: staff.name, email: staff.email } })
    .from(organizations)
    .leftJoin(staff, eq(staff.id, organizations.accountPmId))
    .where(or(sql`${lname} LIKE ${prefix}`, words ?? undefined, domainPrefix))
    .orderBy(rank, asc(lname), asc(organizations.id))
    .limit(SEARCH_LIMIT);
  const items = rows.map((r) => toOrg(r.org, r.pm));
  return { items, total: items.length, nextCursor: null };
}

const isNameCursor = (v: unknown[]): v is [string, number] => v.length === 2 && typeof v[0] === "string" && Number.isInteger(v[1]);

/** GET /orgs/{id}/users: members by name, in keyset pages. */
export async function listOrgMembers(db: Executor, orgId: number, page: PageQuery) {
  await getOrg(db, orgId);
  const lname = sql`lower(${users.name}) COLLATE "C"`;
  const after = page.cursor ? decodeCursor(page.cursor, isNameCursor) : null;
  const [rows, [{ n }]] = await Promise.all([
    db
      .select({ id: users.id, name: users.name, email: users.email, phone: users.phone, createdAt: users.createdAt, sortName: sql<string>`lower(${users.name})` })
      .from(users)
      .where(and(eq(users.orgId, orgId), after ? or(sql`${lname} > ${after[0]}`, and(sql`${lname} = ${after[0]}`, gt(users.id, after[1]))) : undefined))
      .orderBy(lname, asc(users.id))
      .limit(page.limit + 1),
    db.select({ n: sql<number>`count(*)::int` }).from(users).where(eq(users.orgId, orgId)),
  ]);
  const more = rows.length > page.limit;
  const items = (more ? rows.slice(0, page.limit) : rows).map(({ sortName: _s, ...u }) => u);
  const last = more ? rows[page.limit - 1] : null;
  return { items, total: Number(n), nextCursor: last ? encodeCursor([last.sortName, last.id]) : null };
}

/** GET /orgs: every organization by name (organizations_name_idx), in keyset pages, with its member count. */
export async function listOrgs(db: Executor, page: PageQuery) {
  const lname = sql<string>`lower(${organizations.name})`;
  const after = page.cursor ? decodeCursor(page.cursor, isNameCursor) : null;
  const [rows, [{ n }]] = await Promise.all([
    db
      .select({
        org: organizations,
        pm: { id: staff.id, name: staff.name, email: staff.email },
        sortName: lname,
        members: sql<number>`(SELECT count(*)::int FROM ${users} WHERE ${users.orgId} = ${organizations.id})`,
      })
      .from(organizations)
      .leftJoin(staff, eq(staff.id, organizations.accountPmId))
      .where(after ? or(sql`${lname} > ${after[0]}`, and(sql`${lname} = ${after[0]}`, gt(organizations.id, after[1]))) : undefined)
      .orderBy(lname, asc(organizations.id))
      .limit(page.limit + 1),
    db.select({ n: sql<number>`count(*)::int` }).from(organizations),
  ]);
  const more = rows.length > page.limit;
  const pageRows = more ? rows.slice(0, page.limit) : rows;
  const last = more ? pageRows[pageRows.length - 1] : null;
  return {
    items: pageRows.map((r) => ({ ...toOrg(r.org, r.pm), memberCount: Number(r.members) })),
    total: Number(n),
    nextCursor: last ? encodeCursor([last.sortName, last.org.id]) : null,
  };
}
