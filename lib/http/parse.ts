// Request parsing shared by every route wrapper: JSON bodies, query strings, zod validation.
import type { z } from "zod";
import { AppError } from "./errors";

/** Parses a JSON body; malformed JSON is a 400 that says where it broke. */
export async function readJson(req: Request): Promise<unknown> {
  const text = await req.text();
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
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

/** Query string as an object; repeated keys become arrays. */
export function queryObject(url: string | URL): Record<string, string | string[]> {
  const params = (typeof url === "string" ? new URL(url) : url).searchParams;
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of params) {
    const prev = out[key];
    out[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}

/** Next passes dynamic route params as a promise. */
export type RouteParams = { params: Promise<Record<string, string | string[]>> };
