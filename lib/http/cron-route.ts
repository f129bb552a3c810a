// Route wrapper for Vercel Cron: `Authorization: Bearer $CRON_SECRET`, compared in constant
// time. Without CRON_SECRET the routes answer 503 "not configured", never "skip the check".
import { createHash, timingSafeEqual } from "node:crypto";
import { type Db, getDb } from "@/db/client";
import { env } from "@/lib/config/env";
import { fail } from "./envelope";
import { AppError } from "./errors";
import { unavailableIfDbDown } from "./api-key-route";
import type { RouteParams } from "./parse";

/** Compares digests, so neither the content nor the length of the secret leaks through timing. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (v: string) => createHash("sha256").update(v).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

export function verifyCronSecret(req: Request): void {
  const secret = env().CRON_SECRET;
  if (!secret) throw new AppError("not_configured", "Cron routes are not configured: set CRON_SECRET");
  const auth = req.headers.get("authorization") ?? "";
  const given = auth.startsWith("Bearer ") ? auth.slice(7) : "";
  if (!given || !sameSecret(given, secret)) throw new AppError("unauthorized", "Invalid or missing cron secret");
}

export function cronRoute(handler: (ctx: { req: Request; db: Db; params: Record<string, string | string[]> }) => Promise<Response>) {
  return async (req: Request, route: RouteParams): Promise<Response> => {
    try {
      verifyCronSecret(req);
      return await handler({ req, db: await getDb(), params: await route.params });
    } catch (e) {
      return fail(unavailableIfDbDown(e));
    }
  };
}
