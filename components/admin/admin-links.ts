// The admin area's pages with the permission each needs: the admin index and the sidebar use it.
import type { Permission } from "@/lib/auth/permissions";

export interface AdminLink {
  href: string;
  label: string;
  description: string;
  permission: Permission;
}

export const adminLinks: AdminLink[] = [
  { href: "/admin/staff", label: "Staff", description: "Accounts, roles, departments; deactivate and reset passwords.", permission: "staff.manage" },
  { href: "/admin/departments", label: "Departments", description: "Where tickets live; manager, SLA plan and signature.", permission: "settings.manage" },
  { href: "/admin/teams", label: "Teams", description: "Groups of staff that tickets can be assigned to.", permission: "settings.manage" },
  { href: "/admin/topics", label: "Help topics", description: "How new tickets are classified: department, priority, SLA.", permission: "settings.manage" },
  { href: "/admin/priorities", label: "Priorities", description: "Names, order, colours and the default priority.", permission: "settings.manage" },
  { href: "/admin/sla", label: "SLA plans", description: "Grace periods that set due dates.", permission: "settings.manage" },
  { href: "/admin/canned", label: "Canned responses", description: "Reusable replies with variables, per department.", permission: "canned.manage" },
  { href: "/admin/api-keys", label: "API keys", description: "Keys for integrations: permissions, IP allow-list, rate limit.", permission: "settings.manage" },
  { href: "/admin/settings", label: "Settings", description: "Ticket numbers, mail, limits, auto-close, time zone, ban list.", permission: "settings.manage" },
  { href: "/admin/outbox", label: "Outbox", description: "Every mail the help desk sent or tried to send.", permission: "settings.manage" },
];
