import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { TopicsAdmin } from "@/components/admin/catalog-pages";
import { toOptions } from "@/components/admin/options";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { adminDepartments, adminPriorities, adminSlaPlans, adminTopics } from "@/lib/catalog";

export const metadata: Metadata = { title: "Help topics" };

export default async function TopicsPage() {
  await requirePagePermission("settings.manage");
  const db = await getDb();
  const [rows, departments, priorities, slas] = await Promise.all([adminTopics(db), adminDepartments(db), adminPriorities(db), adminSlaPlans(db)]);
  return <TopicsAdmin rows={rows} departments={toOptions(departments)} priorities={toOptions(priorities)} slas={toOptions(slas)} />;
}
