// The PostgreSQL engine: criteria -> one page of tickets, keyset-paginated, with the total.
import { type SQL, and, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { rows } from "@/db/rows";
import { type Criteria, sortTerms } from "./criteria";
import { countMatching } from "./counts";
import { type PgCursor, decodeCursor, encodeCursor, notThisList } from "./cursor";
import { type SearchActor, criteriaSql } from "./filters";
import { type ItemJson, type ListPage, type MatchedField, itemJsonSql, loadListItems, toListItem } from "./items";
import { type SortColumn, afterSql, cursorValuesFit, keySelect, orderBySql, sortColumns } from "./sort";
import { allCommon } from "./common-words";
import { guarded } from "./guard";
import { type TextMatch, candidatesSql, textMatch } from "./text-match";

export interface PageRequest {
  cursor?: string;
  limit: number;
}

interface KeyRow {
  id: number;
  item?: ItemJson | null;
  [k: `k${number}`]: string;
}

/** One page of ids with their sort keys and, with `items`, the list items in the same statement. */
async function fetchKeys(db: Executor, where: SQL, cols: SortColumn[], after: string[] | null, limit: number, joinDoc: boolean, items = false): Promise<KeyRow[]> {
  const join = joinDoc ? sql`JOIN ticket_search s ON s.ticket_id = tickets.id` : sql``;
  const cond = after ? and(where, afterSql(cols, after))! : where;
  const page = sql`SELECT tickets.id, ${keySelect(cols)} FROM tickets ${join} WHERE ${cond} ORDER BY ${orderBySql(cols)} LIMIT ${limit}`;
  if (!items) return rows<KeyRow>(db, page);
  // Items are built for the page's rows only, after the LIMIT; the subquery keeps its order.
  return rows<KeyRow>(db, sql`SELECT pg.*, ${itemJsonSql(sql.raw("pg.id"))} AS item FROM (${page}) pg`);
}

/**
 * A tier's page: for common words (common-words.ts) the plan PostgreSQL picks, usually a walk
 * of recent tickets that stops once the page is full, under a short statement timeout in case
 * the walk finds little; otherwise, or when that timeout fires, the tier's matches are looked
 * up through the GIN index first and then filtered and sorted.
 */
async function tierRows(db: Executor, filters: SQL, cond: SQL, probe: SQL, how: "walk" | "index", cols: SortColumn[], after: string[] | null, limit: number): Promise<KeyRow[]> {
  if (how === "walk") {
    const walked = await guarded(db, (tx) => fetchKeys(tx, and(filters, cond)!, cols, after, limit, true));
    if (walked) return walked;
  }
  return fetchKeys(db, and(filters, candidatesSql(probe), cond)!, cols, after, limit, true);
}

/** Within a relevance tier: the latest update first. */
const relevanceCols = sortColumns([{ key: "updated", order: "desc" }]);

const keysOf = (r: KeyRow, n: number) => Array.from({ length: n }, (_, i) => r[`k${i}`]);

export async function pgSearch(db: Executor, actor: SearchActor, c: Criteria, page: PageRequest, now = new Date()): Promise<ListPage> {
  const cursor = decodeCursor(c, page.cursor);
  const pgCursor = cursor?.e === "pg" ? cursor : null;
  const text = textMatch(c.q);
  const filters = criteriaSql(c, actor, now);
  const terms = sortTerms(c);
  // The total is counted while the page is found (separate connections from the pool).
  const counting = countMatching(db, actor, c, now);
  // A count that gave up (null) reports what is known: this page, and one more if there is a next.
  const shape = (items: ListPage["items"], total: Awaited<typeof counting>, next: PgCursor | null): ListPage => ({
    items,
    total: total?.count ?? items.length + (next ? 1 : 0),
    totalExact: total ? total.exact : !next,
    nextCursor: next ? encodeCursor(c, next) : null,
  });
  if (text && terms[0].key === "relevance") {
    // A relevance cursor names one of this text's tiers and the position in it.
    if (pgCursor && !(text.tiers.some((t) => t.tier === pgCursor.t) && cursorValuesFit(relevanceCols, pgCursor.v))) throw notThisList();
    const { ids, matched, next } = await relevancePage(db, filters, text, pgCursor, page.limit);
    const [items, total] = await Promise.all([loadListItems(db, ids, matched), counting]);
    return shape(items, total, next);
  }
  const cols = sortColumns(terms);
  if (pgCursor && !(pgCursor.t === undefined && cursorValuesFit(cols, pgCursor.v))) throw notThisList();
  const where = text ? and(filters, text.any)! : filters;
  const [found, total] = await Promise.all([fetchKeys(db, where, cols, pgCursor?.v ?? null, page.limit + 1, false, true), counting]);
  const next: PgCursor | null = found.length > page.limit ? { e: "pg", v: keysOf(found[page.limit - 1], cols.length) } : null;
  return shape(
    found.slice(0, page.limit).flatMap((r) => (r.item ? [toListItem(r.item)] : [])),
    total,
    next,
  );
}

/**
 * Relevance paging. The cursor names the tier and position of the last row returned; a page
 * that fills up exactly at the end of a tier probes the lower tiers for one row so that
 * nextCursor is null on the true last page.
 */
async function relevancePage(db: Executor, filters: SQL, text: TextMatch, cursor: PgCursor | null, limit: number) {
  const cols = relevanceCols;
  const ids: number[] = [];
  const matched = new Map<number, MatchedField>();
  let last: { tier: number; keys: string[] } | null = null;
  let more = false;
  for (const tier of text.tiers) {
    if (cursor?.t !== undefined && tier.tier > cursor.t) continue;
    const after = cursor?.t === tier.tier ? cursor.v : null;
    const room = limit - ids.length;
    const found = tier.probe
      ? await tierRows(db, filters, tier.cond, tier.probe, (await allCommon(db, tier.part!, text.parsed.terms)) ? "walk" : "index", cols, after, room + 1)
      : await fetchKeys(db, and(filters, tier.cond)!, cols, after, room + 1, false);
    for (const r of found.slice(0, room)) {
      ids.push(r.id);
      matched.set(r.id, tier.field);
      last = { tier: tier.tier, keys: keysOf(r, cols.length) };
    }
    if (found.length > room) {
      more = true;
      break;
    }
  }
  const next: PgCursor | null = more && last ? { e: "pg", t: last.tier, v: last.keys } : null;
  return { ids, matched, next };
}
