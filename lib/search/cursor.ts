// Opaque page cursors: base64url JSON naming the engine, where the last page ended, and a hash
// of the criteria so a cursor is refused with other criteria (instead of paging wrongly).
import { createHash } from "node:crypto";
import { AppError } from "@/lib/http/errors";
import { type Criteria, criteriaToQuery } from "./criteria";

export interface PgCursor {
  e: "pg";
  /** Relevance tier of the last row (relevance order only). */
  t?: number;
  /** Sort values of the last row, in PostgreSQL text form; the last one is the ticket id. */
  v: string[];
}

export interface AlgoliaCursor {
  e: "algolia";
  /** The next page number (0-based). */
  p: number;
}

export type Cursor = (PgCursor | AlgoliaCursor) & { h: string };

export function criteriaHash(c: Criteria): string {
  const q = criteriaToQuery(c);
  const canonical = Object.keys(q)
    .sort()
    .map((k) => `${k}=${q[k]}`)
    .join("&");
  return createHash("sha256").update(canonical).digest("base64url").slice(0, 12);
}

export function encodeCursor(c: Criteria, body: PgCursor | AlgoliaCursor): string {
  return Buffer.from(JSON.stringify({ ...body, h: criteriaHash(c) })).toString("base64url");
}

const bad = (msg: string) => new AppError("validation", "Invalid query", { errors: { cursor: msg } });

export function decodeCursor(c: Criteria, raw: string | undefined): Cursor | null {
  if (!raw) return null;
  let parsed: Cursor;
  try {
    parsed = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    throw bad("not a cursor from this API");
  }
  const ok =
    parsed &&
    typeof parsed === "object" &&
    typeof parsed.h === "string" &&
    ((parsed.e === "pg" && Array.isArray(parsed.v) && parsed.v.every((x) => typeof x === "string") && (parsed.t === undefined || Number.isInteger(parsed.t))) ||
      (parsed.e === "algolia" && Number.isInteger(parsed.p) && parsed.p >= 0));
  if (!ok) throw bad("not a cursor from this API");
  if (parsed.h !== criteriaHash(c)) throw bad("belongs to another search; start again without a cursor");
  return parsed;
}
