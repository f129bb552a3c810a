// The free-text part of a search as SQL: exact ticket numbers, and the weighted document.
// Relevance is tiered so that every tier is an index-friendly query of its own: the exact
// ticket number first, then tickets whose subject matches, then whose requester or
// organization matches (every word in that field), then the rest (words spread over fields, the
// thread, the AI summary); most recently updated first within a tier.
import { type SQL, sql } from "drizzle-orm";
import { tickets } from "@/db/schema";
import type { DocPart } from "./common-words";
import type { MatchedField } from "./items";
import { type ParsedQuery, parseQuery, toTsquery } from "./text";

export interface TextMatch {
  parsed: ParsedQuery;
  /** Any match (number or document), for counts and non-relevance sorts. */
  any: SQL;
  /** The tier's document match alone (on ticket_search aliased s): its GIN lookup when walking does not fill a page. */
  /** `any` with the document matches looked up through the GIN index first (rare words). */
  anyFromCandidates: SQL;
  tiers: Array<{ tier: number; field: MatchedField; cond: SQL; needsDoc: boolean; probe?: SQL; part?: DocPart }>;
}

const tsq = (s: string) => sql`to_tsquery('simple', ${s})`;

/** The tickets whose document matches, fetched through the GIN index, as an id list condition. */
export const candidatesSql = (match: SQL) => sql`${tickets.id} = ANY (ARRAY(SELECT s.ticket_id FROM ticket_search s WHERE ${match}))`;

/** Null when the query has nothing to search for (empty, or punctuation only). */
export function textMatch(q: string | undefined): TextMatch | null {
  const parsed = parseQuery(q);
  if (!parsed.terms.length) return null;
  const all = tsq(toTsquery(parsed.terms));
  const nums = parsed.numbers;
  const notNumber = nums.length ? sql`${tickets.number} NOT IN ${nums}` : sql`true`;
  // ts_filter(doc, '{a}') is the subject part, '{b}' the requester part; each has a GIN index
  // of its own (migration 0005), so a tier with few matches is found through it rather than by
  // walking recent tickets.
  const subject = sql`ts_filter(s.doc, '{a}') @@ ${all}`;
  const requester = sql`ts_filter(s.doc, '{b}') @@ ${all}`;
  const tiers: TextMatch["tiers"] = [];
  if (nums.length) tiers.push({ tier: 3, field: "number", cond: sql`${tickets.number} IN ${nums}`, needsDoc: false });
  tiers.push({ tier: 2, field: "subject", cond: sql`${subject} AND ${notNumber}`, needsDoc: true, probe: subject, part: "subject" });
  tiers.push({ tier: 1, field: "requester", cond: sql`${requester} AND NOT ${subject} AND ${notNumber}`, needsDoc: true, probe: requester, part: "requester" });
  const docMatch = sql`s.doc @@ ${all}`;
  tiers.push({ tier: 0, field: "thread", cond: sql`${docMatch} AND NOT ${subject} AND NOT ${requester} AND ${notNumber}`, needsDoc: true, probe: docMatch, part: "doc" });
  const docAny = sql`EXISTS (SELECT 1 FROM ticket_search s WHERE s.ticket_id = ${tickets.id} AND ${docMatch})`;
  const any = nums.length ? sql`(${tickets.number} IN ${nums} OR ${docAny})` : docAny;
  const fromCandidates = candidatesSql(docMatch);
  const anyFromCandidates = nums.length ? sql`(${tickets.number} IN ${nums} OR ${fromCandidates})` : fromCandidates;
  return { parsed, any, anyFromCandidates, tiers };
}
