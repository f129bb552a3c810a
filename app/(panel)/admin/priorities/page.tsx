import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { PrioritiesAdmin } from "@/components/admin/catalog-pages";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { adminPriorities } from "@/lib/catalog";

export const metadata: Metadata = { title: "Priorities" };

export default async function PrioritiesPage() {
  await requirePagePermission("settings.manage");
  return <PrioritiesAdmin rows={await adminPriorities(await getDb())} />;
}
