import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { PageHeader } from "@/components/admin/page-header";
import { NewTicketForm } from "@/components/tickets/new-ticket-form";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { listDepartments, listPriorities, listTopics } from "@/lib/catalog";

export const metadata: Metadata = { title: "New ticket" };
export const dynamic = "force-dynamic";

export default async function NewTicketPage() {
  const staff = await requirePagePermission("tickets.create");
  const db = await getDb();
  const [departments, topics, priorities] = await Promise.all([listDepartments(db, staff), listTopics(db, staff), listPriorities(db)]);
  const mine = departments.items.filter((d) => d.isMember);
  return (
    <section>
      <PageHeader title="New ticket" description="Open a ticket on behalf of a user, e.g. after a phone call." />
      <NewTicketForm
        departments={mine.map((d) => ({ id: d.id, name: d.name }))}
        topics={topics.items.filter((t) => t.isMember).map((t) => ({ id: t.id, name: t.name }))}
        priorities={priorities.items.map((p) => ({ id: p.id, name: p.name, isDefault: p.isDefault }))}
        zone={staff.timezone}
        defaultDeptId={staff.primaryDeptId ?? mine[0]?.id}
      />
    </section>
  );
}
