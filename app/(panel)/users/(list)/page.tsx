// /users: the newest users in keyset pages, or the users matching ?q= (name or email prefix, the
// same search as every user picker); "New user" for those who may add users.
// (list) is a route group so its loading boundary does not wrap /users/<id>, whose layout must
// answer 404 before streaming.
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getDb } from "@/db/client";
import { PageHeader } from "@/components/admin/page-header";
import { Table, Td, Th, Tr } from "@/components/admin/table";
import { ListSearch, Pager } from "@/components/directory/pager";
import { NewUserButton } from "@/components/directory/user-actions";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { Time } from "@/components/ui/time";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { roleCan } from "@/lib/auth/permissions";
import { isCursorError } from "@/lib/http/page-cursor";
import { type User, listUsers, searchUsers } from "@/lib/users";

export const metadata: Metadata = { title: "Users" };
export const dynamic = "force-dynamic";

type Params = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() ?? "";

async function load(q: string, cursor: string) {
  const db = await getDb();
  if (q.length >= 2) return searchUsers(db, q.slice(0, 100));
  try {
    return await listUsers(db, { cursor: cursor || undefined, limit: 25 });
  } catch (e) {
    if (isCursorError(e)) return null;
    throw e;
  }
}

export default async function UsersPage({ searchParams }: { searchParams: Promise<Params> }) {
  const staff = await requirePagePermission("users.view");
  const params = await searchParams;
  const q = one(params.q);
  const deleted = one(params.deleted);
  const page = await load(q, one(params.cursor));
  return (
    <section className="max-w-6xl">
      <PageHeader title="Users" description="The clients who open tickets. Newest first; search by the start of a name or an email." actions={roleCan(staff.role, "users.manage") && <NewUserButton />} />
      {deleted && (
        <p role="status" data-testid="flash" className="mb-3 rounded border border-green-200 bg-green-50 px-3 py-2 text-green-900">
          {deleted} was deleted.
        </p>
      )}
      <ListSearch path="/users" q={q} label="Search users" placeholder="Name or email, at least 2 characters" />
      {q.length === 1 && <p className="mb-3 text-sm text-slate-600">Type at least 2 characters to search.</p>}
      {!page ? (
        <ErrorState title="This page link is out of date" message="It was made for an earlier state of the list, or it was changed by hand." action={<Link href="/users" className="text-blue-800 underline">Start from the newest users</Link>} />
      ) : page.items.length === 0 ? (
        <EmptyState title={q.length >= 2 ? `No user matches “${q}”` : "No users yet"}>Users are added when they write in, when a ticket is opened for them, or with “New user”.</EmptyState>
      ) : (
        <>
          <UsersTable users={page.items} zone={staff.timezone} />
          {q.length >= 2 ? (
            <p className="mt-2 text-sm text-slate-600">{page.items.length === 25 ? "The 25 best matches; type more to narrow down." : `${page.items.length} found.`}</p>
          ) : (
            <Pager path="/users" params={params} nextCursor={page.nextCursor} shown={page.items.length} total={page.total} noun="users" />
          )}
        </>
      )}
    </section>
  );
}

function UsersTable({ users, zone }: { users: User[]; zone: string }) {
  return (
    <Table label="Users">
      <thead>
        <tr>
          <Th>Name</Th>
          <Th>Email</Th>
          <Th className="hidden md:table-cell">Organization</Th>
          <Th className="hidden lg:table-cell">Phone</Th>
          <Th className="hidden md:table-cell">Added</Th>
        </tr>
      </thead>
      <tbody>
        {users.map((u) => (
          <Tr key={u.id}>
            <Td>
              <Link href={`/users/${u.id}`} className="font-medium text-slate-900 hover:underline">
                {u.name}
              </Link>
            </Td>
            <Td className="break-all">{u.email}</Td>
            <Td className="hidden md:table-cell">
              {u.org ? (
                <Link href={`/orgs/${u.org.id}`} className="text-blue-800 hover:underline">
                  {u.org.name}
                </Link>
              ) : (
                <span className="text-slate-400">—</span>
              )}
            </Td>
            <Td className="hidden lg:table-cell">{u.phone ?? <span className="text-slate-400">—</span>}</Td>
            <Td className="hidden md:table-cell">
              <Time value={u.createdAt} zone={zone} />
            </Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
