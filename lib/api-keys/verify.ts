// Checking an X-API-Key as osTicket does (same 401 texts), with an IP/CIDR allow-list, an
// active flag, permissions and a per-key rate limit. Lookups are cached for a few seconds and
// last-use bookkeeping is batched, so a request costs no extra database write.
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { type TrustList, ipInList, parseRange } from "@/lib/http/client-address";
import { AppError } from "@/lib/http/errors";
import { hashApiKey, sameHash } from "./keys";
import { takeToken } from "./rate-limit";
import { noteApiKeyUse } from "./usage";

export type ApiKeyRow = typeof apiKeys.$inferSelect;
export type ApiPermission = "createTickets" | "executeCron";

/** osTicket's answers, which integrators' scripts match on. */
export const API_KEY_MESSAGES = {
  required: "Valid API key required",
  inactive: "API key not found/active or source IP not authorized",
  notAuthorized: "API key not authorized",
} as const;

const CACHE_TTL_MS = 5_000;
const CACHE_MAX = 1_000;
interface Cached {
  at: number;
  row: ApiKeyRow | null;
  allow: TrustList;
}
const cache = new Map<string, Cached>();

export function clearApiKeyCache(): void {
  cache.clear();
}

function allowList(row: ApiKeyRow): TrustList {
  const out: TrustList = [];
  for (const entry of row.ipAllowList) {
    try {
      out.push(parseRange(entry));
    } catch {
      // A malformed stored entry allows nobody rather than everybody.
    }
  }
  return out;
}

async function lookup(db: Executor, hash: string): Promise<Cached> {
  const hit = cache.get(hash);
  if (hit && Date.now() - hit.at < CACHE_TTL_MS) return hit;
  const [row] = await db.select().from(apiKeys).where(eq(apiKeys.keyHash, hash));
  const entry: Cached = { at: Date.now(), row: row ?? null, allow: row ? allowList(row) : [] };
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(hash, entry);
  return entry;
}

const unauthorized = (message: string) => new AppError("unauthorized", message);

export async function verifyApiKey(
  db: Executor,
  p: { key: string | null | undefined; ip: string | null; permission: ApiPermission },
): Promise<ApiKeyRow> {
  const key = p.key?.trim();
  if (!key || key.length > 200) throw unauthorized(API_KEY_MESSAGES.required);
  const hash = hashApiKey(key);
  const { row, allow } = await lookup(db, hash);
  // The index finds the row by hash; the comparison itself is constant-time.
  if (!row || !sameHash(row.keyHash, hash)) throw unauthorized(API_KEY_MESSAGES.required);
  if (!row.isActive) throw unauthorized(API_KEY_MESSAGES.inactive);
  if (row.ipAllowList.length && (!p.ip || !ipInList(p.ip, allow))) throw unauthorized(API_KEY_MESSAGES.required);
  const allowed = p.permission === "createTickets" ? row.canCreateTickets : row.canExecuteCron;
  if (!allowed) throw unauthorized(API_KEY_MESSAGES.notAuthorized);
  const wait = takeToken(row.id, row.rateLimit);
  if (wait > 0) {
    const seconds = Math.ceil(wait / 1000);
    throw new AppError("rate_limited", `Rate limit exceeded (${row.rateLimit} requests a minute); retry in ${seconds} s`, {
      headers: { "Retry-After": String(seconds) },
    });
  }
  noteApiKeyUse(row.id, p.ip);
  return row;
}
