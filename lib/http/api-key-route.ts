// Route wrapper for the external API: resolves the client address (from our custom server,
// never from a client header), checks X-API-Key and its permission, and answers errors the
// way osTicket clients expect (plain text) or as JSON when asked.
import { type Db, getDb } from "@/db/client";
import { type ApiKeyRow, type ApiPermission, verifyApiKey } from "@/lib/api-keys";
import { intakeErrorResponse } from "@/lib/intake/respond";
import { getClientIp } from "./client-ip";
import { AppError } from "./errors";

export interface ApiKeyContext {
  req: Request;
  db: Db;
  key: ApiKeyRow;
  ip: string | null;
}

const DB_DOWN = /ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|Connection terminated|timeout exceeded when trying to connect|too many clients/i;

/** A database that cannot be reached is temporary (503): mail servers and clients retry. */
export function unavailableIfDbDown(e: unknown): unknown {
  const msg = `${(e as Error)?.message ?? ""} ${((e as Error)?.cause as Error)?.message ?? ""}`;
  if (!(e instanceof AppError) && DB_DOWN.test(msg)) {
    console.error("[api] database unavailable:", msg.trim());
    return new AppError("unavailable", "Service temporarily unavailable; retry later", { headers: { "Retry-After": "30" } });
  }
  return e;
}

export function apiKeyRoute(
  opts: { permission: ApiPermission; what?: string },
  handler: (ctx: ApiKeyContext) => Promise<Response>,
): (req: Request) => Promise<Response> {
  return async (req) => {
    try {
      const db = await getDb();
      const ip = getClientIp(req);
      const key = await verifyApiKey(db, { key: req.headers.get("x-api-key"), ip, permission: opts.permission });
      return await handler({ req, db, key, ip });
    } catch (e) {
      return intakeErrorResponse(req, unavailableIfDbDown(e), opts.what);
    }
  };
}

/** The answer for methods a route does not take. */
export function methodNotAllowed(allow: string[]): (req: Request) => Response {
  return (req) =>
    intakeErrorResponse(
      req,
      new AppError("method_not_allowed", `Method ${req.method} not allowed; use ${allow.join(", ")}`, { headers: { Allow: allow.join(", ") } }),
    );
}
