// The PostgreSQL engine: criteria -> one page of tickets, keyset-paginated, with the total.
import { type SQL, and, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { rows } from "@/db/rows";
import { type Criteria, sortTerms } from "./criteria";
import { countMatching } from "./counts";
import { type PgCursor, decodeCursor, encodeCursor } from "./cursor";
import { type SearchActor, criteriaSql } from "./filters";
import { type ListPage, type MatchedField, loadListItems } from "./items";
import { type SortColumn, afterSql, keySelect, orderBySql, sortColumns } from "./sort";
import { type TextMatch, textMatch } from "./text-match";

export interface PageRequest {
  cursor?: string;
  limit: number;
}

interface KeyRow {
  id: number;
  [k: `k${number}`]: string;
}

async function fetchKeys(db: Executor, where: SQL, cols: SortColumn[], after: string[] | null, limit: number, joinDoc: boolean): Promise<KeyRow[]> {
  const join = joinDoc ? sql`JOIN ticket_search s ON s.ticket_id = tickets.id` : sql``;
  const cond = after ? and(where, afterSql(cols, after))! : where;
  return rows<KeyRow>(db, sql`SELECT tickets.id, ${keySelect(cols)} FROM tickets ${join} WHERE ${cond} ORDER BY ${orderBySql(cols)} LIMIT ${limit}`);
}

const keysOf = (r: KeyRow, n: number) => Array.from({ length: n }, (_, i) => r[`k${i}`]);

export async function pgSearch(db: Executor, actor: SearchActor, c: Criteria, page: PageRequest, now = new Date()): Promise<ListPage> {
  const cursor = decodeCursor(c, page.cursor);
  const pgCursor = cursor?.e === "pg" ? cursor : null;
  const text = textMatch(c.q);
  const filters = criteriaSql(c, actor, now);
  const terms = sortTerms(c);
  let ids: number[];
  let matched: Map<number, MatchedField> | undefined;
  let next: PgCursor | null;
  if (text && terms[0].key === "relevance") {
    ({ ids, matched, next } = await relevancePage(db, filters, text, pgCursor, page.limit));
  } else {
    const cols = sortColumns(terms);
    const where = text ? and(filters, text.any)! : filters;
    const found = await fetchKeys(db, where, cols, pgCursor?.v ?? null, page.limit + 1, false);
    ids = found.slice(0, page.limit).map((r) => r.id);
    next = found.length > page.limit ? { e: "pg", v: keysOf(found[page.limit - 1], cols.length) } : null;
  }
  const [items, total] = await Promise.all([loadListItems(db, ids, matched), countMatching(db, actor, c, now)]);
  return { items, total: total.count, totalExact: total.exact, nextCursor: next ? encodeCursor(c, next) : null };
}

/**
 * Relevance paging. The cursor names the tier and position of the last row returned; a page
 * that fills up exactly at the end of a tier probes the lower tiers for one row so that
 * nextCursor is null on the true last page.
 */
async function relevancePage(db: Executor, filters: SQL, text: TextMatch, cursor: PgCursor | null, limit: number) {
  const cols = sortColumns([{ key: "updated", order: "desc" }]);
  const ids: number[] = [];
  const matched = new Map<number, MatchedField>();
  let last: { tier: number; keys: string[] } | null = null;
  let more = false;
  for (const tier of text.tiers) {
    if (cursor?.t !== undefined && tier.tier > cursor.t) continue;
    const after = cursor?.t === tier.tier ? cursor.v : null;
    const room = limit - ids.length;
    const found = await fetchKeys(db, and(filters, tier.cond)!, cols, after, room + 1, tier.needsDoc);
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
