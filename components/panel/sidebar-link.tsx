"use client";
// A sidebar link that shows (and announces) whether it is the current page.
import Link from "@/components/ui/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";
import { type NavLink, isActiveLink } from "./nav";

export function SidebarLink({ link, siblings }: { link: NavLink; siblings: NavLink[] }) {
  const active = isActiveLink(link, usePathname() ?? "", siblings);
  return (
    <Link
      href={link.href}
      aria-current={active ? "page" : undefined}
      className={cn("block rounded px-2 py-1.5 text-slate-700 hover:bg-slate-100", active && "bg-blue-50 font-medium text-blue-800 hover:bg-blue-50")}
    >
      {link.label}
    </Link>
  );
}
