import Link from "next/link";
import type { StaffRole } from "@/db/enums";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { roleCan } from "@/lib/auth/permissions";
import { visibleNav } from "./nav";

export function Sidebar({ staff }: { staff: { name: string; email: string; role: StaffRole } }) {
  const sections = visibleNav((p) => roleCan(staff.role, p));
  return (
    <nav aria-label="Main" className="flex w-56 shrink-0 flex-col gap-1 border-r border-slate-200 bg-white p-3">
      <div className="mb-3 px-2 text-base font-semibold">Help Desk</div>
      <Link href="/tickets" className="rounded px-2 py-1.5 text-slate-700 hover:bg-slate-100">
        Tickets
      </Link>
      {sections.map((s) => (
        <div key={s.id} className="mt-2">
          {s.label && <div className="px-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">{s.label}</div>}
          {s.links.map((l) => (
            <Link key={l.href} href={l.href} className="block rounded px-2 py-1.5 text-slate-700 hover:bg-slate-100">
              {l.label}
            </Link>
          ))}
        </div>
      ))}
      <div className="mt-auto border-t border-slate-200 pt-3">
        <div className="px-2 font-medium" data-testid="signed-in-staff">
          {staff.name}
        </div>
        <div className="truncate px-2 text-xs text-slate-500">{staff.email}</div>
        <SignOutButton />
      </div>
    </nav>
  );
}
