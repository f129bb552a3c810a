// Staff authentication and authorization: sessions, the role -> permission table and the
// ticket visibility scope. Other domains import from here.
import type { Permission } from "./permissions";
import { roleCan } from "./permissions";
import type { SessionStaff } from "./staff-context";

export { authenticateStaff, SignInLockedError, verifyCurrentPassword, type SignedInStaff } from "./credentials";
export { getAuthOptions } from "./config";
export { SESSION_MAX_AGE_S, mintSessionToken, readSessionToken, sessionCookieName, sessionSetCookie } from "./cookie";
export { hashPassword, verifyPassword } from "./password";
export { permissions, rolePermissions, roleCan, type Permission } from "./permissions";
export { isCrossSiteRequest, SAFE_METHODS } from "./same-site";
export { directlyVisible, hasDeptAccess, referredTicketIds, scopeOf, ticketVisible, type TicketScope } from "./scope";
export { staffFromRequest, staffFromToken } from "./session";
export { loadSessionStaff, type SessionStaff } from "./staff-context";

export function can(staff: Pick<SessionStaff, "role">, permission: Permission): boolean {
  return roleCan(staff.role, permission);
}
