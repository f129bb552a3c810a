// The free-text part of a search as SQL: exact ticket numbers, and the weighted document.
// Relevance is tiered so that every tier is an index-friendly query of its own: the exact
// ticket number first, then tickets whose subject matches, then whose requester or
// organization matches, then whose thread matches; most recently updated first within a tier.
import { type SQL, sql } from "drizzle-orm";
import { tickets } from "@/db/schema";
import type { MatchedField } from "./items";
import { type ParsedQuery, parseQuery, toTsquery } from "./text";

export interface TextMatch {
  parsed: ParsedQuery;
  /** Any match (number or document), for counts and non-relevance sorts. */
  any: SQL;
  tiers: Array<{ tier: number; field: MatchedField; cond: SQL; needsDoc: boolean }>;
}

const tsq = (s: string) => sql`to_tsquery('simple', ${s})`;

/** Null when the query has nothing to search for (empty, or punctuation only). */
export function textMatch(q: string | undefined): TextMatch | null {
  const parsed = parseQuery(q);
  if (!parsed.terms.length) return null;
  const all = tsq(toTsquery(parsed.terms));
  const subject = tsq(toTsquery(parsed.terms, "A"));
  const requester = tsq(toTsquery(parsed.terms, "AB"));
  const nums = parsed.numbers;
  const notNumber = nums.length ? sql`${tickets.number} NOT IN ${nums}` : sql`true`;
  const docHas = (query: SQL) => sql`s.doc @@ ${query}`;
  const tiers: TextMatch["tiers"] = [];
  if (nums.length) tiers.push({ tier: 3, field: "number", cond: sql`${tickets.number} IN ${nums}`, needsDoc: false });
  tiers.push({ tier: 2, field: "subject", cond: sql`${docHas(subject)} AND ${notNumber}`, needsDoc: true });
  tiers.push({ tier: 1, field: "requester", cond: sql`${docHas(requester)} AND NOT ${docHas(subject)} AND ${notNumber}`, needsDoc: true });
  tiers.push({ tier: 0, field: "thread", cond: sql`${docHas(all)} AND NOT ${docHas(requester)} AND ${notNumber}`, needsDoc: true });
  const docAny = sql`EXISTS (SELECT 1 FROM ticket_search s WHERE s.ticket_id = ${tickets.id} AND s.doc @@ ${all})`;
  const any = nums.length ? sql`(${tickets.number} IN ${nums} OR ${docAny})` : docAny;
  return { parsed, any, tiers };
}
