// Which words are common in each part of the search document, from PostgreSQL's own statistics
// (the most common elements ANALYZE keeps for the document and its subject and requester
// indexes). A tier whose words are all common is found by walking recent tickets; one with a
// word missing from the list is looked up through its GIN index first. The planner alone
// estimates an unlisted word at a fixed share of the table, so for a word absent from subjects
// it would walk every ticket. Cached per process for ten minutes.
import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { rows } from "@/db/rows";
import type { QueryTerm } from "./text";

export type DocPart = "doc" | "subject" | "requester";
const TTL_MS = 600_000;
let cache: { at: number; words: Map<DocPart, Set<string>> } | null = null;

async function load(db: Executor): Promise<Map<DocPart, Set<string>>> {
  if (cache && Date.now() - cache.at < TTL_MS) return cache.words;
  const found = await rows<{ part: DocPart; words: string[] | null }>(
    db,
    sql`SELECT CASE tablename WHEN 'ticket_search' THEN 'doc' WHEN 'ticket_search_subject_idx' THEN 'subject' ELSE 'requester' END AS part,
          most_common_elems::text::text[] AS words
        FROM pg_stats WHERE (tablename = 'ticket_search' AND attname = 'doc') OR tablename IN ('ticket_search_subject_idx', 'ticket_search_requester_idx')`,
  );
  const words = new Map<DocPart, Set<string>>(found.map((r) => [r.part, new Set(r.words ?? [])]));
  cache = { at: Date.now(), words };
  return words;
}

/**
 * Whether the query's matches in this part are common enough to walk for: every word among the
 * part's most common words, and, in the short subject and requester parts, a single word (two
 * common words rarely meet in a subject).
 */
export async function allCommon(db: Executor, part: DocPart, terms: QueryTerm[]): Promise<boolean> {
  const common = (await load(db)).get(part);
  if (!common?.size) return false;
  const words = terms.flatMap((t) => (t.kind === "phrase" ? t.words.map((w) => ({ w, prefix: false })) : [{ w: t.text, prefix: t.kind === "word" && t.prefix }]));
  if (part !== "doc" && words.length > 1) return false;
  return words.every(({ w, prefix }) => common.has(w) || (prefix && [...common].some((c) => c.startsWith(w))));
}

export function clearCommonWords(): void {
  cache = null;
}
