import Link from "next/link";

const links = [
  { href: "/tickets", label: "Tickets" },
  { href: "/users", label: "Users" },
  { href: "/orgs", label: "Organizations" },
  { href: "/tasks", label: "Tasks" },
  { href: "/search", label: "Search" },
];

export function Sidebar() {
  return (
    <nav aria-label="Main" className="flex w-56 shrink-0 flex-col gap-1 border-r border-slate-200 bg-white p-3">
      <div className="mb-3 px-2 text-base font-semibold">Help Desk</div>
      {links.map((l) => (
        <Link key={l.href} href={l.href} className="rounded px-2 py-1.5 text-slate-700 hover:bg-slate-100">
          {l.label}
        </Link>
      ))}
    </nav>
  );
}
