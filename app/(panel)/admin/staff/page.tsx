import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { StaffAdmin } from "@/components/admin/staff-admin";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { adminDepartments, adminTeams } from "@/lib/catalog";
import { type StaffMember, listStaff } from "@/lib/staff";

export const metadata: Metadata = { title: "Staff" };

export default async function StaffAdminPage() {
  const me = await requirePagePermission("staff.manage");
  const db = await getDb();
  const [list, departments, teams] = await Promise.all([listStaff(db, { detailed: true, includeInactive: true }), adminDepartments(db), adminTeams(db)]);
  return <StaffAdmin staff={list.items as StaffMember[]} departments={departments} teams={teams} meId={me.id} zone={me.timezone} />;
}
