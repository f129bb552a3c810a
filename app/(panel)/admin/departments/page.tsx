import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { DepartmentsAdmin } from "@/components/admin/catalog-pages";
import { toOptions } from "@/components/admin/options";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { adminDepartments, adminSlaPlans } from "@/lib/catalog";
import { listStaff } from "@/lib/staff";

export const metadata: Metadata = { title: "Departments" };

export default async function DepartmentsPage() {
  await requirePagePermission("settings.manage");
  const db = await getDb();
  const [rows, staff, slas] = await Promise.all([adminDepartments(db), listStaff(db, { detailed: false }), adminSlaPlans(db)]);
  return <DepartmentsAdmin rows={rows} staff={toOptions(staff.items)} slas={toOptions(slas)} />;
}
