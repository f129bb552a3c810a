// /users/<id>: the user's details and organization, the tickets the viewer may see (and only
// those: other departments' tickets are neither listed nor counted), edit, delete, new ticket.
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { PageHeader } from "@/components/admin/page-header";
import { ClientTickets } from "@/components/directory/client-tickets";
import { UserActions } from "@/components/directory/user-actions";
import { Fact } from "@/components/ui/fact";
import { Time } from "@/components/ui/time";
import { roleCan } from "@/lib/auth/permissions";
import { loadUser } from "./load";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { user } = await loadUser(await params);
  return { title: user.name };
}

export default async function UserPage({ params }: Props) {
  const { staff, user } = await loadUser(await params);
  const zone = staff.timezone;
  const may = (p: Parameters<typeof roleCan>[1]) => roleCan(staff.role, p);
  return (
    <section className="max-w-6xl space-y-5">
      <div>
        <Link href="/users" className="text-sm text-blue-800 hover:underline">
          ← Users
        </Link>
        <PageHeader
          title={user.name}
          description={user.email}
          actions={<UserActions user={user} can={{ edit: may("users.manage"), delete: may("users.delete"), purge: may("users.purge"), openTicket: may("tickets.create") }} />}
        />
      </div>
      <dl className="grid gap-x-6 gap-y-3 rounded border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4" aria-label="User details">
        <Fact label="Email">{user.email}</Fact>
        <Fact label="Phone">{user.phone ?? <span className="text-slate-400">—</span>}</Fact>
        <Fact label="Organization">
          {user.org ? (
            <Link href={`/orgs/${user.org.id}`} className="text-blue-800 hover:underline">
              {user.org.name}
            </Link>
          ) : (
            <span className="text-slate-400">None</span>
          )}
        </Fact>
        <Fact label="Added">
          <Time value={user.createdAt} zone={zone} />
        </Fact>
        {user.notes && (
          <Fact label="Notes" wide>
            <p className="whitespace-pre-wrap">{user.notes}</p>
          </Fact>
        )}
      </dl>
      <ClientTickets label="Their tickets" tickets={user.tickets.items} total={user.tickets.total} zone={zone} />
    </section>
  );
}
