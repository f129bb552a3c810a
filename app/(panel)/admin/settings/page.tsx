import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { toOptions } from "@/components/admin/options";
import { SettingsForm } from "@/components/admin/settings-form";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { adminDepartments, adminPriorities, adminSlaPlans } from "@/lib/catalog";
import { clearSettingsCache, getSettings } from "@/lib/config/settings";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  await requirePagePermission("settings.manage");
  const db = await getDb();
  // The page shows what is stored now, not a value cached a few seconds ago.
  clearSettingsCache();
  const [settings, departments, priorities, slas] = await Promise.all([getSettings(db), adminDepartments(db), adminPriorities(db), adminSlaPlans(db)]);
  return <SettingsForm settings={settings} departments={toOptions(departments)} priorities={toOptions(priorities)} slas={toOptions(slas)} />;
}
