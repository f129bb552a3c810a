// Request parsing shared by every route wrapper: JSON bodies, query strings, zod validation.
import type { z } from "zod";
import { decodeUtf8, readBodyLimited } from "./body";
import { cleanReviver, cleanText } from "./clean-text";
import { AppError } from "./errors";

/** Staff JSON bodies larger than this are refused (413); replies with files come as multipart. */
export const JSON_BODY_LIMIT = 10 * 1024 * 1024;

/** Parses a JSON body; malformed JSON is a 400 that says where it broke. Strings are cleaned (clean-text.ts). */
export async function readJson(req: Request, limit = JSON_BODY_LIMIT): Promise<unknown> {
  const text = decodeUtf8(await readBodyLimited(req, limit)).replace(/^\uFEFF/, "");
  if (!text.trim()) return {};
  try {
    return JSON.parse(text, cleanReviver);
  } catch (e) {
    throw new AppError("bad_request", `Malformed JSON: ${(e as Error).message}`, { errors: { body: (e as Error).message } });
  }
}

/** Validates with a zod schema; failures become a 400 naming each field. */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown, message = "Validation failed"): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw AppError.validation(parsed.error, message);
  return parsed.data;
}

/**
 * A JSON body with a field its object schema does not know is a 400 naming the field: a typo
 * ("asignee") would otherwise be dropped and the request succeed without doing what was meant.
 * Only plain object schemas (zod's default "strip" mode) are checked; unions, pipes and objects
 * that declare a catch-all decide for themselves.
 */
export function rejectUnknownFields(schema: z.ZodType, value: unknown): void {
  const def = (schema as unknown as { _zod?: { def?: { type?: string; catchall?: unknown; shape?: Record<string, unknown> } } })._zod?.def;
  if (def?.type !== "object" || def.catchall || !def.shape) return;
  if (!value || typeof value !== "object" || Array.isArray(value)) return;
  const unknown = Object.keys(value).filter((k) => !Object.hasOwn(def.shape!, k));
  if (!unknown.length) return;
  throw new AppError("bad_request", `Unknown field${unknown.length > 1 ? "s" : ""}: ${unknown.slice(0, 10).join(", ")}`, {
    errors: Object.fromEntries(unknown.slice(0, 50).map((k) => [k, "unknown field"])),
  });
}

/** Query string as an object; repeated keys become arrays. */
export function queryObject(url: string | URL): Record<string, string | string[]> {
  const params = (typeof url === "string" ? new URL(url) : url).searchParams;
  const out: Record<string, string | string[]> = {};
  for (const [rawKey, rawValue] of params) {
    const key = cleanText(rawKey);
    const value = cleanText(rawValue);
    const prev = out[key];
    out[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}

/** Next passes dynamic route params as a promise. */
export type RouteParams = { params: Promise<Record<string, string | string[]>> };
