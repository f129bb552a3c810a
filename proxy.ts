// Session gate for the panel pages: a visitor without a valid session cookie is sent to /login
// and back afterwards. Only the cookie is checked here; the panel layout re-reads the staff row
// (deactivated staff are turned away there). /api/* is not matched: API routes authorize
// themselves and answer 401 in the envelope rather than redirecting.
import { type NextRequest, NextResponse } from "next/server";
import { PANEL_PATH_HEADER, decodeSessionToken, readSessionToken } from "@/lib/auth/cookie";

export async function proxy(req: NextRequest) {
  const path = req.nextUrl.pathname + req.nextUrl.search;
  const claims = await decodeSessionToken(readSessionToken(req.headers.get("cookie")));
  if (!claims) {
    const login = new URL("/login", req.nextUrl);
    login.search = new URLSearchParams({ callbackUrl: path }).toString();
    return NextResponse.redirect(login);
  }
  // The layout needs the path to send a revoked session back to /login with a callbackUrl.
  const headers = new Headers(req.headers);
  headers.set(PANEL_PATH_HEADER, path);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  // Everything except API routes (and /scp/ajax.php, rewritten to them), Next's assets, the
  // sign-in page and files with an extension.
  matcher: ["/((?!api/|scp/|_next/|login(?:/|$)|favicon\\.ico$|robots\\.txt$|.*\\.[A-Za-z0-9]+$).*)"],
};
