// Creating and listing API keys. The key itself is returned once, at creation.
import { desc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { recordEvent } from "@/lib/events";
import { generateApiKey, hashApiKey, keyPrefix } from "./keys";
import { type CreateApiKeyInput, createApiKeySchema } from "./schemas";
import { clearApiKeyCache } from "./verify";

export async function createApiKey(db: Executor, input: CreateApiKeyInput, actor: { staffId?: number; actor?: string } = {}) {
  const data = createApiKeySchema.parse(input);
  const key = generateApiKey();
  const [row] = await db
    .insert(apiKeys)
    .values({
      name: data.name,
      prefix: keyPrefix(key),
      keyHash: hashApiKey(key),
      ipAllowList: data.ipAllowList,
      canCreateTickets: data.canCreateTickets,
      canExecuteCron: data.canExecuteCron,
      rateLimit: data.rateLimit,
      createdById: actor.staffId ?? null,
    })
    .returning();
  await recordEvent(db, {
    entityType: "api_key",
    entityId: row.id,
    action: "created",
    staffId: actor.staffId ?? null,
    actor: actor.actor ?? null,
    after: { name: row.name, prefix: row.prefix, canCreateTickets: row.canCreateTickets, canExecuteCron: row.canExecuteCron },
  });
  return { key, apiKey: row };
}

export async function listApiKeys(db: Executor) {
  return db.select().from(apiKeys).orderBy(desc(apiKeys.createdAt));
}

/** Deactivates a key found by id or prefix (revoked keys answer 401 "not found/active"). */
export async function revokeApiKey(db: Executor, ref: string, actor: { staffId?: number; actor?: string } = {}) {
  const rows = /^\d+$/.test(ref)
    ? await db.select().from(apiKeys).where(eq(apiKeys.id, Number(ref)))
    : await db.select().from(apiKeys).where(eq(apiKeys.prefix, ref));
  if (rows.length !== 1) return { revoked: null, matches: rows.length };
  const [row] = await db.update(apiKeys).set({ isActive: false }).where(eq(apiKeys.id, rows[0].id)).returning();
  await recordEvent(db, {
    entityType: "api_key",
    entityId: row.id,
    action: "revoked",
    staffId: actor.staffId ?? null,
    actor: actor.actor ?? null,
    before: { isActive: rows[0].isActive },
    after: { isActive: false },
  });
  clearApiKeyCache();
  return { revoked: row, matches: 1 };
}
