import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";

const links = [
  { href: "/tickets", label: "Tickets" },
  { href: "/users", label: "Users" },
  { href: "/orgs", label: "Organizations" },
  { href: "/tasks", label: "Tasks" },
  { href: "/search", label: "Search" },
];

export function Sidebar({ staff }: { staff: { name: string; email: string } }) {
  return (
    <nav aria-label="Main" className="flex w-56 shrink-0 flex-col gap-1 border-r border-slate-200 bg-white p-3">
      <div className="mb-3 px-2 text-base font-semibold">Help Desk</div>
      {links.map((l) => (
        <Link key={l.href} href={l.href} className="rounded px-2 py-1.5 text-slate-700 hover:bg-slate-100">
          {l.label}
        </Link>
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
