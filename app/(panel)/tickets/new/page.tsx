import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { PageHeader } from "@/components/admin/page-header";
import { NewTicketForm } from "@/components/tickets/new-ticket-form";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { listDepartments, listPriorities, listTopics } from "@/lib/catalog";
import { AppError } from "@/lib/http/errors";
import { getUser, userIdParams } from "@/lib/users";

export const metadata: Metadata = { title: "New ticket" };
export const dynamic = "force-dynamic";

/** The requester chosen on a user's page (?userId=); a stale or bad id just leaves the form empty. */
async function requester(db: Awaited<ReturnType<typeof getDb>>, raw: string | string[] | undefined) {
  const parsed = userIdParams.safeParse({ id: Array.isArray(raw) ? raw[0] : raw });
  if (!parsed.success) return undefined;
  try {
    return await getUser(db, parsed.data.id);
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") return undefined;
    throw e;
  }
}

export default async function NewTicketPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const staff = await requirePagePermission("tickets.create");
  const db = await getDb();
  const [departments, topics, priorities, user] = await Promise.all([listDepartments(db, staff), listTopics(db, staff), listPriorities(db), requester(db, (await searchParams).userId)]);
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
        user={user && { id: user.id, name: user.name, email: user.email, phone: user.phone, org: user.org }}
      />
    </section>
  );
}
