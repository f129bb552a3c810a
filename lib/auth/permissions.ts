// Roles and what they may do: the one role -> permission table. Pure, so the panel can use it
// to show or hide actions. Department scope (which tickets) is separate: see scope.ts.
import type { StaffRole } from "@/db/enums";

export const permissions = [
  "tickets.view",
  "tickets.create",
  "tickets.edit",
  "tickets.reply",
  "tickets.note",
  "tickets.status",
  "tickets.assign",
  "tickets.claim",
  "tickets.release",
  "tickets.transfer",
  "tickets.refer",
  "tickets.merge",
  "tickets.export",
  "tickets.delete",
  "tickets.restore",
  "canned.use",
  "canned.manage",
  "docs.acknowledge",
  "users.view",
  "users.manage",
  "users.delete",
  /** Delete a user together with the tickets they own. */
  "users.purge",
  "orgs.view",
  "orgs.manage",
  "tasks.view",
  "tasks.create",
  "tasks.edit",
  "tasks.note",
  "tasks.assign",
  "tasks.transfer",
  "tasks.close",
  "staff.manage",
  "settings.manage",
] as const;
export type Permission = (typeof permissions)[number];

const agent: Permission[] = [
  "tickets.view",
  "tickets.create",
  "tickets.edit",
  "tickets.reply",
  "tickets.note",
  "tickets.status",
  "tickets.assign",
  "tickets.claim",
  "tickets.release",
  "tickets.transfer",
  "tickets.refer",
  "tickets.merge",
  "tickets.export",
  "canned.use",
  // Agents open tickets for clients, so they look up, add and correct users.
  "users.view",
  "users.manage",
  "orgs.view",
  "tasks.view",
  "tasks.create",
  "tasks.edit",
  "tasks.note",
  "tasks.assign",
  "tasks.transfer",
  "tasks.close",
];

// Managers (PMs) do everything within their departments; admins do everything everywhere.
const manager: Permission[] = [...agent, "tickets.delete", "canned.manage", "docs.acknowledge", "users.delete", "orgs.manage"];

export const rolePermissions: Record<StaffRole, ReadonlySet<Permission>> = {
  agent: new Set(agent),
  manager: new Set(manager),
  admin: new Set(permissions),
};

export function roleCan(role: StaffRole, permission: Permission): boolean {
  return rolePermissions[role].has(permission);
}
