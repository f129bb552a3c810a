import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { CannedAdmin } from "@/components/admin/canned-admin";
import { toOptions } from "@/components/admin/options";
import { can } from "@/lib/auth";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { listCannedForManagers } from "@/lib/canned";
import { adminDepartments } from "@/lib/catalog";

export const metadata: Metadata = { title: "Canned responses" };

export default async function CannedPage() {
  const me = await requirePagePermission("canned.manage");
  const db = await getDb();
  const isAdmin = can(me, "settings.manage");
  const [rows, departments] = await Promise.all([listCannedForManagers(db, me), adminDepartments(db)]);
  // Managers write for their own departments only.
  const mine = departments.filter((d) => isAdmin || me.deptIds.includes(d.id));
  return <CannedAdmin rows={rows} departments={toOptions(mine)} isAdmin={isAdmin} zone={me.timezone} />;
}
