import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { ApiKeysAdmin } from "@/components/admin/api-keys-admin";
import { listApiKeyInfo } from "@/lib/api-keys";
import { requirePagePermission } from "@/lib/auth/page-guard";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  const me = await requirePagePermission("settings.manage");
  const { items } = await listApiKeyInfo(await getDb());
  return <ApiKeysAdmin keys={items} zone={me.timezone} />;
}
