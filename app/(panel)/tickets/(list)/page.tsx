// (list) is a route group so its loading boundary does not wrap /tickets/<tid>, whose layout must answer 404 before streaming.
// /tickets: until the queue view lands, the 50 most recently updated tickets the caller may see
// (open ones first).
import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { PageHeader } from "@/components/admin/page-header";
import { RecentTickets } from "@/components/tickets/recent-tickets";
import { requirePageStaff } from "@/lib/auth/page-session";
import { roleCan } from "@/lib/auth/permissions";
import { listRecentTickets } from "@/lib/tickets";

export const metadata: Metadata = { title: "Tickets" };
export const dynamic = "force-dynamic";

export default async function TicketsPage() {
  const staff = await requirePageStaff();
  const tickets = await listRecentTickets(await getDb(), staff, { limit: 50 });
  return (
    <section>
      <PageHeader
        title="Tickets"
        description="Recently updated tickets you can work, open ones first."
        actions={
          roleCan(staff.role, "tickets.create") && (
            <Link href="/tickets/new" className="inline-flex h-8 items-center rounded bg-blue-700 px-3 font-medium text-white hover:bg-blue-800">
              New ticket
            </Link>
          )
        }
      />
      <RecentTickets tickets={tickets} zone={staff.timezone} />
    </section>
  );
}
