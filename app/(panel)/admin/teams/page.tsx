import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { TeamsAdmin } from "@/components/admin/catalog-pages";
import { toOptions } from "@/components/admin/options";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { adminTeams } from "@/lib/catalog";
import { listStaff } from "@/lib/staff";

export const metadata: Metadata = { title: "Teams" };

export default async function TeamsPage() {
  await requirePagePermission("settings.manage");
  const db = await getDb();
  const [rows, staff] = await Promise.all([adminTeams(db), listStaff(db, { detailed: false })]);
  return <TeamsAdmin rows={rows} staff={toOptions(staff.items)} />;
}
