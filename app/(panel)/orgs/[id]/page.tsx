// /orgs/<id>: the organization's details, its members (by name, in keyset pages: ?members=),
// the tickets the viewer may see, and the edit dialog for managers and admins.
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getDb } from "@/db/client";
import { PageHeader } from "@/components/admin/page-header";
import { Table, Td, Th, Tr } from "@/components/admin/table";
import { ClientTickets } from "@/components/directory/client-tickets";
import { OrgDialogButton } from "@/components/directory/org-actions";
import { Pager } from "@/components/directory/pager";
import { Badge } from "@/components/ui/badge";
import { Fact } from "@/components/ui/fact";
import { EmptyState } from "@/components/ui/states";
import { roleCan } from "@/lib/auth/permissions";
import { isCursorError } from "@/lib/http/page-cursor";
import { listOrgMembers } from "@/lib/orgs";
import { pmOptions } from "../pm-options";
import { loadOrg } from "./load";

export const dynamic = "force-dynamic";

type Params = Record<string, string | string[] | undefined>;
type Props = { params: Promise<{ id: string }>; searchParams: Promise<Params> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { org } = await loadOrg(await params);
  return { title: org.name };
}

async function membersPage(orgId: number, cursor: string | undefined) {
  const db = await getDb();
  try {
    return await listOrgMembers(db, orgId, { cursor, limit: 25 });
  } catch (e) {
    // A stale members link: show the first page.
    if (isCursorError(e)) return listOrgMembers(db, orgId, { limit: 25 });
    throw e;
  }
}

export default async function OrgPage({ params, searchParams }: Props) {
  const { staff, org } = await loadOrg(await params);
  const sp = await searchParams;
  const cursor = typeof sp.members === "string" ? sp.members : undefined;
  const canEdit = roleCan(staff.role, "orgs.manage");
  const [members, pms] = await Promise.all([membersPage(org.id, cursor), canEdit ? pmOptions(await getDb()) : null]);
  const hours = (h: number | null) => (h === null ? <span className="text-slate-400">—</span> : `${h} h`);
  return (
    <section className="max-w-6xl space-y-5">
      <div>
        <Link href="/orgs" className="text-sm text-blue-800 hover:underline">
          ← Organizations
        </Link>
        <PageHeader
          title={org.name}
          description={org.domains.length ? org.domains.join(", ") : "No email domains"}
          actions={pms && <OrgDialogButton org={org} pms={pms} />}
        />
      </div>
      <dl className="grid gap-x-6 gap-y-3 rounded border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4" aria-label="Organization details">
        <Fact label="Account PM">{org.accountPm?.name ?? <span className="text-slate-400">None</span>}</Fact>
        <Fact label="Documentation">{org.docsRequired ? <Badge tone="amber">Required</Badge> : "Not required"}</Fact>
        <Fact label="Harvest project">{org.harvestProjectId ?? <span className="text-slate-400">—</span>}</Fact>
        <Fact label="Budget / quoted">
          {hours(org.budgetHours)} / {hours(org.quotedHours)}
        </Fact>
        {org.notes && (
          <Fact label="Notes" wide>
            <p className="whitespace-pre-wrap">{org.notes}</p>
          </Fact>
        )}
      </dl>
      <section aria-labelledby="members-heading" className="space-y-2">
        <h2 id="members-heading" className="font-semibold text-slate-900">
          Members <span className="font-normal text-slate-500">({org.memberCount})</span>
        </h2>
        {members.items.length === 0 ? (
          <EmptyState title="No members yet">Users join when their email domain is listed here, or when their organization is set on their page.</EmptyState>
        ) : (
          <>
            <Table label="Members">
              <thead>
                <tr>
                  <Th>Name</Th>
                  <Th>Email</Th>
                  <Th className="hidden md:table-cell">Phone</Th>
                </tr>
              </thead>
              <tbody>
                {members.items.map((u) => (
                  <Tr key={u.id}>
                    <Td>
                      <Link href={`/users/${u.id}`} className="font-medium text-slate-900 hover:underline">
                        {u.name}
                      </Link>
                    </Td>
                    <Td className="break-all">{u.email}</Td>
                    <Td className="hidden md:table-cell">{u.phone ?? <span className="text-slate-400">—</span>}</Td>
                  </Tr>
                ))}
              </tbody>
            </Table>
            <Pager path={`/orgs/${org.id}`} params={sp} cursorParam="members" nextCursor={members.nextCursor} shown={members.items.length} total={members.total} noun="members" />
          </>
        )}
      </section>
      <ClientTickets label="Tickets" tickets={org.tickets.items} total={org.tickets.total} zone={staff.timezone} showRequester />
    </section>
  );
}
