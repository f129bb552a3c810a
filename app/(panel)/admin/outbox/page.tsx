import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { OutboxAdmin } from "@/components/admin/outbox-admin";
import { ErrorState } from "@/components/ui/states";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { isConfigured } from "@/lib/config/features";
import { countOutboxByStatus, listOutboundMail, outboxQuerySchema } from "@/lib/mail";

export const metadata: Metadata = { title: "Outbox" };

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function OutboxPage({ searchParams }: { searchParams: Search }) {
  const me = await requirePagePermission("settings.manage");
  const parsed = outboxQuerySchema.safeParse(await searchParams);
  if (!parsed.success) return <ErrorState title="That filter is not valid" message="Choose a status from the list." />;
  const db = await getDb();
  const [page, counts] = await Promise.all([listOutboundMail(db, parsed.data), countOutboxByStatus(db)]);
  return <OutboxAdmin rows={page.items} counts={counts} status={parsed.data.status ?? null} nextCursor={page.nextCursor} smtpConfigured={isConfigured("smtp")} zone={me.timezone} />;
}
