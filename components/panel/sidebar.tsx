import Link from "@/components/ui/link";
import { Fragment } from "react";
import type { StaffRole } from "@/db/enums";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { roleCan } from "@/lib/auth/permissions";
import { visibleNav } from "./nav";
import { SidebarLink } from "./sidebar-link";
import { SidebarQueues } from "./sidebar-queues";

export function Sidebar({ staff }: { staff: { name: string; email: string; role: StaffRole } }) {
  const sections = visibleNav((p) => roleCan(staff.role, p));
  const all = sections.flatMap((s) => s.links);
  return (
    <nav aria-label="Main" className="sticky top-0 flex h-screen w-52 shrink-0 flex-col gap-1 overflow-y-auto border-r border-slate-200 bg-white p-3">
      <Link href="/tickets" className="mb-2 px-2 text-base font-semibold text-slate-900">
        Help Desk
      </Link>
      {sections.map((s) => (
        <Fragment key={s.id}>
          <div className="mt-2 first-of-type:mt-0">
            {s.label && <div className="px-2 pb-0.5 text-xs font-semibold tracking-wide text-slate-500 uppercase">{s.label}</div>}
            {s.links.map((l) => (
              <SidebarLink key={l.href} link={l} siblings={all} />
            ))}
          </div>
          {/* The queues, with live counts, follow the work links. */}
          {s.id === "work" && <SidebarQueues />}
        </Fragment>
      ))}
      <div className="mt-auto border-t border-slate-200 pt-3">
        <div className="px-2 font-medium" data-testid="signed-in-staff">
          {staff.name}
        </div>
        <div className="truncate px-2 text-xs text-slate-500">{staff.email}</div>
        <Link href="/account" className="block rounded px-2 py-1.5 text-slate-700 hover:bg-slate-100">
          My settings
        </Link>
        <Link href="/account#password" className="block rounded px-2 py-1.5 text-slate-700 hover:bg-slate-100">
          Change password
        </Link>
        <SignOutButton />
      </div>
    </nav>
  );
}
