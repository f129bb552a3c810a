import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { SlaAdmin } from "@/components/admin/catalog-pages";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { adminSlaPlans } from "@/lib/catalog";

export const metadata: Metadata = { title: "SLA plans" };

export default async function SlaPage() {
  await requirePagePermission("settings.manage");
  return <SlaAdmin rows={await adminSlaPlans(await getDb())} />;
}
