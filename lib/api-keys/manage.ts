// API keys as the admin page sees them: the hash never leaves lib/, the key itself is returned
// once at creation, and every change is an event in the same transaction.
import { desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiKeys, staff } from "@/db/schema";
import { recordEvent } from "@/lib/events";
import { AppError } from "@/lib/http/errors";
import type { CreateApiKeyInput, UpdateApiKeyInput } from "./schemas";
import { createApiKey } from "./service";
import { clearApiKeyCache } from "./verify";

type Row = typeof apiKeys.$inferSelect;
interface Actor {
  id: number;
}

export function toApiKeyInfo(row: Row, createdByName: string | null = null) {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    ipAllowList: row.ipAllowList,
    canCreateTickets: row.canCreateTickets,
    canExecuteCron: row.canExecuteCron,
    isActive: row.isActive,
    rateLimit: row.rateLimit,
    lastUsedAt: row.lastUsedAt,
    lastUsedIp: row.lastUsedIp,
    createdById: row.createdById,
    createdByName,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
export type ApiKeyInfo = ReturnType<typeof toApiKeyInfo>;

export async function listApiKeyInfo(db: Db) {
  const found = await db
    .select({ key: apiKeys, createdByName: staff.name })
    .from(apiKeys)
    .leftJoin(staff, eq(staff.id, apiKeys.createdById))
    .orderBy(desc(apiKeys.isActive), desc(apiKeys.createdAt), desc(apiKeys.id));
  const items = found.map((r) => toApiKeyInfo(r.key, r.createdByName));
  return { items, total: items.length, nextCursor: null };
}

export async function getApiKeyInfo(db: Db, id: number): Promise<ApiKeyInfo> {
  const [r] = await db.select({ key: apiKeys, createdByName: staff.name }).from(apiKeys).leftJoin(staff, eq(staff.id, apiKeys.createdById)).where(eq(apiKeys.id, id));
  if (!r) throw new AppError("not_found", `API key ${id} not found`);
  return toApiKeyInfo(r.key, r.createdByName);
}

/** Creates a key for an admin; the plain key is in the answer and nowhere else. */
export async function createApiKeyAsStaff(db: Db, actor: Actor & { name: string }, input: CreateApiKeyInput) {
  const { key, apiKey } = await db.transaction((tx) => createApiKey(tx, input, { staffId: actor.id }));
  return { key, apiKey: toApiKeyInfo(apiKey, actor.name) };
}

const permissionView = (r: Row) => ({
  name: r.name,
  ipAllowList: r.ipAllowList,
  canCreateTickets: r.canCreateTickets,
  canExecuteCron: r.canExecuteCron,
  rateLimit: r.rateLimit,
});

export async function updateApiKey(db: Db, actor: Actor, id: number, input: UpdateApiKeyInput) {
  await db.transaction(async (tx) => {
    const [current] = await tx.select().from(apiKeys).where(eq(apiKeys.id, id)).for("update");
    if (!current) throw new AppError("not_found", `API key ${id} not found`);
    if (!current.isActive) throw new AppError("conflict", "This key is revoked; create a new one instead");
    const [row] = await tx.update(apiKeys).set(input).where(eq(apiKeys.id, id)).returning();
    await recordEvent(tx, { entityType: "api_key", entityId: id, action: "updated", staffId: actor.id, before: permissionView(current), after: permissionView(row) });
  });
  // Verification caches keys for a few seconds: a narrower allow-list applies at once.
  clearApiKeyCache();
  return getApiKeyInfo(db, id);
}

export async function revokeApiKeyById(db: Db, actor: Actor, id: number) {
  await db.transaction(async (tx) => {
    const [current] = await tx.select().from(apiKeys).where(eq(apiKeys.id, id)).for("update");
    if (!current) throw new AppError("not_found", `API key ${id} not found`);
    if (!current.isActive) throw new AppError("conflict", "This key is already revoked");
    await tx.update(apiKeys).set({ isActive: false }).where(eq(apiKeys.id, id));
    await recordEvent(tx, { entityType: "api_key", entityId: id, action: "revoked", staffId: actor.id, before: { isActive: true }, after: { isActive: false } });
  });
  clearApiKeyCache();
  return getApiKeyInfo(db, id);
}
