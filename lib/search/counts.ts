// How many tickets match. Criteria that only filter on the counted dimensions (status,
// department, assignee, overdue, answered, documentation) are answered from the ticket_counts
// summary, a few thousand rows whatever the number of tickets; anything else counts tickets,
// exactly up to COUNT_CAP and as "at least COUNT_CAP" beyond (counting 200,000 text matches on
// every page would cost far more than finding the page: "1,000+" as search engines say).
import { type SQL, and, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { rows } from "@/db/rows";
import { tickets } from "@/db/schema";
import { directlyVisible, referredTicketIds } from "@/lib/auth";
import type { Criteria } from "./criteria";
import { type DimensionColumns, type SearchActor, criteriaSql, dimensionFilters, isDimensionOnly, scopeOfActor, ticketDimensions } from "./filters";
import { allCommon } from "./common-words";
import { guarded } from "./guard";
import { textMatch } from "./text-match";

const summary: DimensionColumns = {
  deptId: sql.raw("tc.dept_id"),
  staffId: sql.raw("tc.staff_id"),
  teamId: sql.raw("tc.team_id"),
  status: sql.raw("tc.status"),
  isOverdue: sql.raw("tc.is_overdue"),
  isAnswered: sql.raw("tc.is_answered"),
  isEscalated: sql.raw("tc.is_escalated"),
  docsRequired: sql.raw("tc.docs_required"),
  docsAcknowledged: sql.raw("tc.docs_acknowledged"),
};

const all = (conds: SQL[]) => and(...conds)!;

export const COUNT_CAP = 1_000;

export interface Count {
  count: number;
  /** False when the count stopped at COUNT_CAP (there are more). */
  exact: boolean;
}

/** Counts for several dimension-only criteria in two queries (summary, plus referred tickets). */
async function countFromSummary(db: Executor, actor: SearchActor, list: Criteria[]): Promise<number[]> {
  if (!list.length) return [];
  const scope = scopeOfActor(actor);
  const direct = scope.all
    ? sql`true`
    : sql`(${sql.join(
        [
          sql`tc.staff_id = ${scope.staffId}`,
          ...(scope.deptIds.length ? [sql`tc.dept_id IN ${[...scope.deptIds]}`] : []),
          ...(scope.teamIds.length ? [sql`tc.team_id IN ${[...scope.teamIds]}`] : []),
        ],
        sql` OR `,
      )})`;
  const cols = list.map((c, i) => sql`coalesce(sum(tc.n) FILTER (WHERE ${all(dimensionFilters(c, actor, summary))}), 0)::int AS ${sql.raw(`c${i}`)}`);
  const [main] = await rows<Record<string, number>>(db, sql`SELECT ${sql.join(cols, sql`, `)} FROM ticket_counts tc WHERE ${direct}`);
  const counts = list.map((_, i) => Number(main[`c${i}`] ?? 0));
  if (scope.all) return counts;
  // Tickets seen only through a referral are few; count them directly (staff_id may be NULL: coalesce).
  const refCols = list.map((c, i) => sql`count(*) FILTER (WHERE ${all(dimensionFilters(c, actor, ticketDimensions))})::int AS ${sql.raw(`c${i}`)}`);
  const [ref] = await rows<Record<string, number>>(
    db,
    sql`SELECT ${sql.join(refCols, sql`, `)} FROM tickets WHERE ${tickets.id} IN ${referredTicketIds(scope)} AND NOT coalesce(${directlyVisible(scope)}, false)`,
  );
  return counts.map((n, i) => n + Number(ref[`c${i}`] ?? 0));
}

/** Null when counting gave up (the statement timeout of guard.ts). */
async function countDirect(db: Executor, actor: SearchActor, c: Criteria, now: Date): Promise<Count | null> {
  const text = textMatch(c.q);
  let where = criteriaSql(c, actor, now);
  if (text) where = and(where, (await allCommon(db, "doc", text.parsed.terms)) ? text.any : text.anyFromCandidates)!;
  const r = await guarded(db, (tx) => rows<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM tickets WHERE ${where} LIMIT ${COUNT_CAP + 1}) m`));
  if (!r) return null;
  const n = Number(r[0].n);
  return n > COUNT_CAP ? { count: COUNT_CAP, exact: false } : { count: n, exact: true };
}

/** One count per criteria, in order. */
export async function countMany(db: Executor, actor: SearchActor, list: Criteria[], now = new Date()): Promise<Array<Count | null>> {
  const fast = list.map((c, i) => ({ c, i })).filter((x) => isDimensionOnly(x.c));
  const slow = list.map((c, i) => ({ c, i })).filter((x) => !isDimensionOnly(x.c));
  const out = new Array<Count | null>(list.length);
  const [fastCounts, slowCounts] = await Promise.all([countFromSummary(db, actor, fast.map((x) => x.c)), Promise.all(slow.map((x) => countDirect(db, actor, x.c, now)))]);
  fast.forEach((x, j) => (out[x.i] = { count: fastCounts[j], exact: true }));
  slow.forEach((x, j) => (out[x.i] = slowCounts[j]));
  return out;
}

export async function countMatching(db: Executor, actor: SearchActor, c: Criteria, now = new Date()): Promise<Count | null> {
  return (await countMany(db, actor, [c], now))[0];
}

/** Folds the summary's deltas into one row per dimension set (the compact-ticket-counts job). */
export async function compactTicketCounts(db: Executor): Promise<{ before: number; after: number }> {
  return db.transaction(async (tx) => {
    const [{ n: before }] = await rows<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM ticket_counts`);
    await tx.execute(sql`WITH gone AS (DELETE FROM ticket_counts RETURNING *)
      INSERT INTO ticket_counts (dept_id, staff_id, team_id, status, is_overdue, is_answered, is_escalated, docs_required, docs_acknowledged, n)
      SELECT dept_id, staff_id, team_id, status, is_overdue, is_answered, is_escalated, docs_required, docs_acknowledged, sum(n)::int
      FROM gone GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9 HAVING sum(n) <> 0`);
    const [{ n: after }] = await rows<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM ticket_counts`);
    return { before, after };
  });
}
