// Opaque page cursors: base64url JSON naming the engine, where the last page ended, and a hash
// of the criteria so a cursor is refused with other criteria (instead of paging wrongly). Both
// are signed with the server's secret (an HMAC), so a client cannot make up a cursor; the
// engines still check that its values fit the list's sort (pg-search.ts) before using them.
import { createHmac, timingSafeEqual } from "node:crypto";
import { authSecret } from "@/lib/auth/cookie";
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

// The session secret (generated and kept by npm start when none is configured), never an empty key.
const mac = (what: string) => createHmac("sha256", authSecret()).update(what).digest("base64url");

export function criteriaHash(c: Criteria): string {
  const q = criteriaToQuery(c);
  const canonical = Object.keys(q)
    .sort()
    .map((k) => `${k}=${q[k]}`)
    .join("&");
  return mac(`criteria:${canonical}`).slice(0, 12);
}

/** `<base64url JSON>.<signature>` */
export function encodeCursor(c: Criteria, body: PgCursor | AlgoliaCursor): string {
  const payload = Buffer.from(JSON.stringify({ ...body, h: criteriaHash(c) })).toString("base64url");
  return `${payload}.${mac(`cursor:${payload}`).slice(0, 22)}`;
}

/** The answer to any cursor that is not one this list made (or no longer fits it). */
export const notThisList = () => AppError.fields({ cursor: "not a cursor of this list; start again from the first page" }, "Invalid query");

const signed = (payload: string, sig: string) => {
  const want = Buffer.from(mac(`cursor:${payload}`).slice(0, 22));
  const got = Buffer.from(sig);
  return got.length === want.length && timingSafeEqual(got, want);
};

export function decodeCursor(c: Criteria, raw: string | undefined): Cursor | null {
  if (!raw) return null;
  const [payload, sig, ...rest] = raw.split(".");
  if (!payload || !sig || rest.length || !signed(payload, sig)) throw notThisList();
  let parsed: Cursor;
  try {
    parsed = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    throw notThisList();
  }
  const ok =
    parsed &&
    typeof parsed === "object" &&
    typeof parsed.h === "string" &&
    ((parsed.e === "pg" && Array.isArray(parsed.v) && parsed.v.every((x) => typeof x === "string") && (parsed.t === undefined || Number.isInteger(parsed.t))) ||
      (parsed.e === "algolia" && Number.isInteger(parsed.p) && parsed.p >= 0));
  if (!ok) throw notThisList();
  if (parsed.h !== criteriaHash(c)) throw AppError.fields({ cursor: "belongs to another search; start again without a cursor" }, "Invalid query");
  return parsed;
}
