// Reads and writes settings rows, merged over the defaults. A short cache keeps reads off the
// hot path; writes in this process clear it, other instances see changes within the TTL.
import { eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { settings as settingsTable } from "@/db/schema";
import { AppError } from "@/lib/http/errors";
import { defaultSettings, type Settings, settingsSchema } from "./settings-schema";

const TTL_MS = 5_000;
let cache: { at: number; value: Settings } | null = null;

export async function getSettings(db: Executor): Promise<Settings> {
  if (cache && Date.now() - cache.at < TTL_MS) return cache.value;
  const found = await db.select().from(settingsTable);
  const merged: Record<string, unknown> = { ...defaultSettings };
  for (const row of found) if (row.key in defaultSettings) merged[row.key] = row.value;
  const parsed = settingsSchema.safeParse(merged);
  // A bad stored value must not take the app down: fall back to defaults for the broken keys.
  const value = parsed.success ? parsed.data : repair(merged);
  cache = { at: Date.now(), value };
  return value;
}

function repair(merged: Record<string, unknown>): Settings {
  const out: Record<string, unknown> = { ...merged };
  for (const key of Object.keys(defaultSettings) as (keyof Settings)[]) {
    const field = settingsSchema.shape[key];
    if (!field.safeParse(out[key]).success) out[key] = defaultSettings[key];
  }
  return settingsSchema.parse(out);
}

export async function updateSettings(db: Executor, patch: Partial<Settings>): Promise<Settings> {
  const parsed = settingsSchema.partial().strict().safeParse(patch);
  if (!parsed.success) throw AppError.validation(parsed.error, "Invalid settings");
  // Only the keys the patch names: zod 4 fills defaults even into .partial() fields, which
  // would silently reset every other setting.
  const entries = Object.entries(parsed.data).filter(([k, v]) => v !== undefined && Object.hasOwn(patch, k));
  for (const [key, value] of entries) {
    // A null setting is "use the default": no row (jsonb null would need special casing).
    if (value === null) {
      await db.delete(settingsTable).where(eq(settingsTable.key, key));
      continue;
    }
    await db
      .insert(settingsTable)
      .values({ key, value })
      .onConflictDoUpdate({ target: settingsTable.key, set: { value, updatedAt: new Date() } });
  }
  clearSettingsCache();
  return getSettings(db);
}

/** Writes every default that has no row yet (seed); existing values are left alone. */
export async function insertDefaultSettings(db: Executor): Promise<number> {
  const existing = await db
    .select({ key: settingsTable.key })
    .from(settingsTable)
    .where(inArray(settingsTable.key, Object.keys(defaultSettings)));
  const have = new Set(existing.map((r) => r.key));
  const missing = Object.entries(defaultSettings).filter(([k, v]) => !have.has(k) && v !== null);
  if (missing.length) {
    await db
      .insert(settingsTable)
      .values(missing.map(([key, value]) => ({ key, value })))
      .onConflictDoNothing();
  }
  return missing.length;
}

export function clearSettingsCache(): void {
  cache = null;
}
