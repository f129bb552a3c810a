import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { adminLinks } from "@/components/admin/admin-links";
import { PageHeader } from "@/components/admin/page-header";
import { can } from "@/lib/auth";
import { requirePagePermission } from "@/lib/auth/page-guard";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminIndexPage() {
  const staff = await requirePagePermission("staff.manage", "settings.manage", "canned.manage");
  const links = adminLinks.filter((l) => can(staff, l.permission));
  return (
    <section>
      <PageHeader title="Admin" description="Configure the help desk." />
      <ul className="grid grid-cols-1 gap-3 md:grid-cols-2 xl:grid-cols-3">
        {links.map((l) => (
          <li key={l.href}>
            <Link href={l.href} className="block h-full rounded border border-slate-200 bg-white p-4 hover:border-blue-300 hover:bg-blue-50/40">
              <span className="font-medium text-blue-800">{l.label}</span>
              <span className="mt-1 block text-slate-600">{l.description}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
