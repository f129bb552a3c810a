// Opaque keyset cursors: the sort values of the last row of a page, base64url-encoded JSON.
// A cursor that does not decode to what the list expects is a 400 naming "cursor".
import { AppError } from "./errors";

export function encodeCursor(values: ReadonlyArray<string | number | null>): string {
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}

export function decodeCursor<T extends Array<string | number | null>>(cursor: string, check: (values: unknown[]) => values is T): T {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    values = null;
  }
  if (!Array.isArray(values) || !check(values)) throw AppError.fields({ cursor: "Not a cursor of this list; start again from the first page" }, "Invalid query");
  return values;
}

/** The error decodeCursor throws: a page link made for another state of the list, not a fault. */
export function isCursorError(e: unknown): boolean {
  return e instanceof AppError && e.code === "validation" && e.errors?.cursor !== undefined;
}
