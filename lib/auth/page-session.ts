// The signed-in staff member for server components (pages, layouts): cached per render, so a
// page and its layout share one lookup. Not for route handlers (they use staffFromRequest).
import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { PANEL_PATH_HEADER, readSessionToken } from "./cookie";
import { safeCallbackUrl } from "./callback-url";
import { staffFromToken } from "./session";
import type { SessionStaff } from "./staff-context";

export const getPageStaff = cache(async (): Promise<SessionStaff | null> => {
  const h = await headers();
  return staffFromToken(readSessionToken(h.get("cookie")));
});

/** The staff member, or a redirect to /login that comes back to the current page. */
export async function requirePageStaff(): Promise<SessionStaff> {
  const staff = await getPageStaff();
  if (staff) return staff;
  const path = safeCallbackUrl((await headers()).get(PANEL_PATH_HEADER));
  redirect(`/login?${new URLSearchParams({ callbackUrl: path })}`);
}
