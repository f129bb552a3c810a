// /orgs: organizations by name in keyset pages, or those matching ?q= (name, word or email
// domain prefix); "New organization" for managers and admins.
// (list) is a route group so its loading boundary does not wrap /orgs/<id>, whose layout must
// answer 404 before streaming.
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getDb } from "@/db/client";
import { PageHeader } from "@/components/admin/page-header";
import { Table, Td, Th, Tr } from "@/components/admin/table";
import { OrgDialogButton } from "@/components/directory/org-actions";
import { ListSearch, Pager } from "@/components/directory/pager";
import { Badge } from "@/components/ui/badge";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { roleCan } from "@/lib/auth/permissions";
import { isCursorError } from "@/lib/http/page-cursor";
import { type Org, listOrgs, searchOrgs } from "@/lib/orgs";
import { pmOptions } from "../pm-options";

export const metadata: Metadata = { title: "Organizations" };
export const dynamic = "force-dynamic";

type Params = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() ?? "";

async function load(q: string, cursor: string): Promise<{ items: (Org & { memberCount?: number })[]; total: number; nextCursor: string | null } | null> {
  const db = await getDb();
  if (q.length >= 2) return searchOrgs(db, q.slice(0, 100));
  try {
    return await listOrgs(db, { cursor: cursor || undefined, limit: 25 });
  } catch (e) {
    if (isCursorError(e)) return null;
    throw e;
  }
}

export default async function OrgsPage({ searchParams }: { searchParams: Promise<Params> }) {
  const staff = await requirePagePermission("orgs.view");
  const params = await searchParams;
  const q = one(params.q);
  const [page, pms] = await Promise.all([load(q, one(params.cursor)), roleCan(staff.role, "orgs.manage") ? pmOptions(await getDb()) : null]);
  return (
    <section className="max-w-6xl">
      <PageHeader title="Organizations" description="Clients' companies: their email domains, account PM and hours." actions={pms && <OrgDialogButton pms={pms} variant="primary" />} />
      <ListSearch path="/orgs" q={q} label="Search organizations" placeholder="Name or email domain, at least 2 characters" />
      {q.length === 1 && <p className="mb-3 text-sm text-slate-600">Type at least 2 characters to search.</p>}
      {!page ? (
        <ErrorState title="This page link is out of date" message="It was made for an earlier state of the list, or it was changed by hand." action={<Link href="/orgs" className="text-blue-800 underline">Start from the first page</Link>} />
      ) : page.items.length === 0 ? (
        <EmptyState title={q.length >= 2 ? `No organization matches “${q}”` : "No organizations yet"}>
          {pms ? "Add one with “New organization”." : "Managers and admins add organizations."}
        </EmptyState>
      ) : (
        <>
          <OrgsTable orgs={page.items} />
          {q.length >= 2 ? (
            <p className="mt-2 text-sm text-slate-600">{page.items.length === 25 ? "The 25 best matches; type more to narrow down." : `${page.items.length} found.`}</p>
          ) : (
            <Pager path="/orgs" params={params} nextCursor={page.nextCursor} shown={page.items.length} total={page.total} noun="organizations" />
          )}
        </>
      )}
    </section>
  );
}

function OrgsTable({ orgs }: { orgs: (Org & { memberCount?: number })[] }) {
  const withCounts = orgs.some((o) => o.memberCount !== undefined);
  return (
    <Table label="Organizations">
      <thead>
        <tr>
          <Th>Name</Th>
          <Th className="hidden md:table-cell">Domains</Th>
          <Th>Account PM</Th>
          {withCounts && <Th className="text-right">Members</Th>}
        </tr>
      </thead>
      <tbody>
        {orgs.map((o) => (
          <Tr key={o.id}>
            <Td>
              <Link href={`/orgs/${o.id}`} className="font-medium text-slate-900 hover:underline">
                {o.name}
              </Link>
              {o.docsRequired && (
                <Badge tone="amber" className="ml-2">
                  Docs required
                </Badge>
              )}
            </Td>
            <Td className="hidden md:table-cell">{o.domains.join(", ") || <span className="text-slate-400">—</span>}</Td>
            <Td>{o.accountPm?.name ?? <span className="text-slate-400">—</span>}</Td>
            {withCounts && <Td className="text-right tabular-nums">{o.memberCount ?? ""}</Td>}
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
