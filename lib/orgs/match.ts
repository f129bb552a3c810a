// Prefix matching shared by the directory searches (organizations here, users in lib/users):
// a LIKE pattern for "starts with" and a full-text query for "some word starts with".
import { type SQL, sql } from "drizzle-orm";

/** `LIKE` pattern for a prefix, lower-cased; the user's %, _ and \ match themselves. */
export function likePrefix(text: string): string {
  return `${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The words of a query: letters and digits only, so nothing in it is tsquery syntax. */
export function queryWords(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).slice(0, 8);
}

/**
 * `to_tsvector('simple', column) @@ prefix query`: every word of the query starts some word of
 * the column ("sm" finds "John Smith"). Null when the query has no words.
 */
export function wordsPrefixMatch(column: SQL | unknown, text: string): SQL | null {
  const words = queryWords(text);
  if (!words.length) return null;
  const query = words.map((w) => `'${w}':*`).join(" & ");
  return sql`to_tsvector('simple', ${column}) @@ to_tsquery('simple', ${query})`;
}
