// Pages only some staff may open: a missing permission answers the not-found page, so the
// page's existence is not confirmed to those who may not use it (as the API answers 404/403).
import "server-only";
import { notFound } from "next/navigation";
import { requirePageStaff } from "./page-session";
import { type Permission, roleCan } from "./permissions";
import type { SessionStaff } from "./staff-context";

/** The signed-in staff member when they hold at least one of the permissions; else the 404 page. */
export async function requirePagePermission(...anyOf: Permission[]): Promise<SessionStaff> {
  const staff = await requirePageStaff();
  if (!anyOf.some((p) => roleCan(staff.role, p))) notFound();
  return staff;
}
