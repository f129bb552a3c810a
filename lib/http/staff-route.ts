// The staff API route wrapper: same-site rule for mutating requests, session, permission, zod
// parsing of path params, query and body, and the error envelope. Handlers get
// { req, staff, params, query, body, ifMatch } and return a Response (usually ok(...)).
import type { z } from "zod";
import { type Permission, type SessionStaff, SAFE_METHODS, can, isCrossSiteRequest, staffFromRequest } from "@/lib/auth";
import { env } from "@/lib/config/env";
import { fail } from "./envelope";
import { AppError } from "./errors";
import { type RouteParams, parseWith, queryObject, readJson, rejectUnknownFields } from "./parse";

type Maybe = z.ZodType | undefined;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface StaffRouteOptions<B extends Maybe, Q extends Maybe, P extends Maybe> {
  permission?: Permission;
  body?: B;
  query?: Q;
  params?: P;
}

export interface StaffRouteContext<B extends Maybe, Q extends Maybe, P extends Maybe> {
  req: Request;
  staff: SessionStaff;
  body: Out<B>;
  query: Out<Q>;
  params: Out<P>;
  /** Version from an If-Match header ("5", W/"5" or 5), for optimistic concurrency. */
  ifMatch: number | undefined;
}

export function parseIfMatch(value: string | null): number | undefined {
  if (value === null || value.trim() === "*") return undefined;
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(value);
  if (!m) throw new AppError("bad_request", "If-Match must be a ticket version, e.g. \"3\"", { errors: { "If-Match": "not a version" } });
  return Number(m[1]);
}

/**
 * The version a change is guarded by: the body's expectedVersion or the If-Match header,
 * whichever is given. Both given and different is a 400 naming both, rather than one silently
 * winning (a stale header would otherwise be ignored).
 */
export function expectedVersionOf(bodyVersion: number | undefined, ifMatch: number | undefined): number | undefined {
  if (bodyVersion !== undefined && ifMatch !== undefined && bodyVersion !== ifMatch) {
    throw new AppError("bad_request", `If-Match ("${ifMatch}") and expectedVersion (${bodyVersion}) disagree; send one, or both with the same version`, {
      errors: { "If-Match": `is "${ifMatch}"`, expectedVersion: `is ${bodyVersion}` },
    });
  }
  return bodyVersion ?? ifMatch;
}

export function staffRoute<B extends Maybe = undefined, Q extends Maybe = undefined, P extends Maybe = undefined>(
  opts: StaffRouteOptions<B, Q, P>,
  handler: (ctx: StaffRouteContext<B, Q, P>) => Response | Promise<Response>,
) {
  return async (req: Request, ctx?: RouteParams): Promise<Response> => {
    try {
      if (!SAFE_METHODS.has(req.method) && isCrossSiteRequest(req, env().APP_URL)) {
        throw new AppError("forbidden", "Cross-site request refused");
      }
      const staff = await staffFromRequest(req);
      if (!staff) throw new AppError("unauthorized", "Sign in required");
      if (opts.permission && !can(staff, opts.permission)) {
        throw new AppError("forbidden", `You do not have the permission ${opts.permission}`);
      }
      let params: unknown;
      if (opts.params) {
        const parsed = opts.params.safeParse((await ctx?.params) ?? {});
        if (!parsed.success) throw new AppError("not_found", "Not found");
        params = parsed.data;
      }
      const query = opts.query ? parseWith(opts.query, queryObject(req.url), "Invalid query") : undefined;
      let body: unknown;
      if (opts.body) {
        const raw = await readJson(req);
        rejectUnknownFields(opts.body, raw);
        body = parseWith(opts.body, raw, "Invalid request body");
      }
      const ifMatch = parseIfMatch(req.headers.get("if-match"));
      return await handler({ req, staff, params, query, body, ifMatch } as StaffRouteContext<B, Q, P>);
    } catch (e) {
      return fail(e);
    }
  };
}

/**
 * The answer for a method a staff route does not take: the JSON envelope with `Allow` (Next's own
 * 405 has neither). Route files export it under each method they lack; staff-methods.test.ts
 * checks that every route does.
 */
export function staffMethodNotAllowed(allow: string[]) {
  const answer = (req: Request): Response =>
    fail(new AppError("method_not_allowed", `Method ${req.method} not allowed here; use ${allow.join(", ")}`, { headers: { Allow: allow.join(", ") } }));
  return Object.assign(answer, { allow });
}
