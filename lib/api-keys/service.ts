// Creating and listing API keys. The key itself is returned once, at creation.
import { desc } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { recordEvent } from "@/lib/events";
import { generateApiKey, hashApiKey, keyPrefix } from "./keys";
import { type CreateApiKeyInput, createApiKeySchema } from "./schemas";

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
