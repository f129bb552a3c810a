// The panel's navigation: a plain list of sections and links the sidebar renders (the ticket
// queues are listed separately, with live counts). Add a page by appending a link to its
// section; `permission` hides the link from staff who lack it (the page checks again).
import { adminLinks } from "@/components/admin/admin-links";
import type { Permission } from "@/lib/auth/permissions";

export interface NavLink {
  href: string;
  label: string;
  permission?: Permission;
  /** Also highlighted on paths starting with these (besides `href` itself). */
  matches?: string[];
}

export interface NavSection {
  id: string;
  /** Shown above the links; omit for an untitled group. */
  label?: string;
  links: NavLink[];
}

export const navSections: NavSection[] = [
  {
    id: "work",
    links: [
      { href: "/tickets", label: "Tickets" },
      { href: "/tickets/new", label: "New ticket", permission: "tickets.create" },
      { href: "/search", label: "Advanced search" },
    ],
  },
  {
    id: "directory",
    label: "Directory",
    links: [
      { href: "/users", label: "Users" },
      { href: "/orgs", label: "Organizations" },
      { href: "/tasks", label: "Tasks" },
    ],
  },
  {
    id: "admin",
    label: "Admin",
    links: adminLinks.map(({ href, label, permission }) => ({ href, label, permission })),
  },
];

/** The sections as `staff` sees them: links they may not use and empty sections dropped. */
export function visibleNav(may: (p: Permission) => boolean): NavSection[] {
  return navSections
    .map((s) => ({ ...s, links: s.links.filter((l) => !l.permission || may(l.permission)) }))
    .filter((s) => s.links.length > 0);
}

/** Whether a link is the current page (or a page under it). */
export function isActiveLink(link: NavLink, pathname: string, all: NavLink[] = []): boolean {
  const hit = (l: NavLink) => [l.href, ...(l.matches ?? [])].some((p) => pathname === p || pathname.startsWith(`${p}/`));
  // The most specific link wins: /tickets/new lights "New ticket", not "Tickets" as well.
  return hit(link) && !all.some((o) => o !== link && o.href.startsWith(`${link.href}/`) && hit(o));
}
