// Changing settings from the admin page: validated against the current values (references to
// departments, priorities, SLA plans; size limits that must agree), saved with an event naming
// each changed key's old and new value, in one transaction.
import { type SQL, sql } from "drizzle-orm";
import type { Db, Executor } from "@/db/client";
import { rows } from "@/db/rows";
import { recordEvent } from "@/lib/events";
import { AppError, type FieldErrors } from "@/lib/http/errors";
import { clearSettingsCache, getSettings, updateSettings } from "./settings";
import type { Settings } from "./settings-schema";
import type { SettingsPatch } from "./settings-patch";

async function activeExists(db: Executor, table: SQL, id: number): Promise<boolean> {
  const [row] = await rows<{ ok: boolean }>(db, sql`SELECT is_active AS ok FROM ${table} WHERE id = ${id}`);
  return !!row?.ok;
}

async function checkReferences(db: Executor, next: Settings, patch: SettingsPatch, errors: FieldErrors) {
  const refs = [
    ["defaultDeptId", sql`departments`, "department"],
    ["defaultPriorityId", sql`priorities`, "priority"],
    ["defaultSlaId", sql`sla_plans`, "SLA plan"],
  ] as const;
  for (const [key, table, label] of refs) {
    const id = next[key];
    if (patch[key] !== undefined && id !== null && !(await activeExists(db, table, id))) errors[key] = `Unknown or inactive ${label}: ${id}`;
  }
}

export async function saveSettings(db: Db, actor: { id: number }, patch: SettingsPatch): Promise<Settings> {
  clearSettingsCache();
  const result = await db.transaction(async (tx) => {
    const current = await getSettings(tx);
    const change: Partial<Settings> = { ...(patch as Partial<Settings>) };
    if (patch.mailTemplates) {
      const merged = { ...current.mailTemplates };
      for (const [k, t] of Object.entries(patch.mailTemplates) as Array<[keyof Settings["mailTemplates"], object | undefined]>) {
        if (t) merged[k] = { ...merged[k], ...t };
      }
      change.mailTemplates = merged;
    }
    const next = { ...current, ...change } as Settings;
    const errors: FieldErrors = {};
    if (next.maxAttachmentBytes > next.maxRequestBytes) errors.maxAttachmentBytes = "Cannot exceed the request size limit";
    await checkReferences(tx, next, patch, errors);
    if (Object.keys(errors).length) throw AppError.fields(errors, "Settings not saved");

    const changed = (Object.keys(change) as Array<keyof Settings>).filter((k) => JSON.stringify(current[k]) !== JSON.stringify(change[k]));
    if (!changed.length) return current;
    const saved = await updateSettings(tx, Object.fromEntries(changed.map((k) => [k, change[k]])) as Partial<Settings>);
    await recordEvent(tx, {
      entityType: "settings",
      action: "updated",
      staffId: actor.id,
      before: Object.fromEntries(changed.map((k) => [k, current[k]])),
      after: Object.fromEntries(changed.map((k) => [k, saved[k]])),
    });
    return saved;
  });
  // Values cached while the transaction was open must not outlive it (e.g. on a rollback).
  clearSettingsCache();
  return result;
}
