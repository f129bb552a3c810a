// The rule that keeps third-party pages from acting through a signed-in browser: a mutating
// request is refused when the browser says it is cross-site (Sec-Fetch-Site) or names a foreign
// Origin. Requests with neither header (scripts, curl) are allowed: they carry no ambient cookie
// a victim's browser would add.
export const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function ownOrigin(origin: string, req: Request, appUrl: string | undefined): boolean {
  let o: URL;
  try {
    o = new URL(origin);
  } catch {
    return false; // includes the opaque origin "null"
  }
  if (appUrl) {
    try {
      if (new URL(appUrl).origin === o.origin) return true;
    } catch {
      /* a bad APP_URL is reported by env validation */
    }
  }
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host") ?? new URL(req.url).host;
  return o.host === host.split(",")[0].trim();
}

export function isCrossSiteRequest(req: Request, appUrl?: string): boolean {
  if (req.headers.get("sec-fetch-site") === "cross-site") return true;
  const origin = req.headers.get("origin");
  return origin !== null && !ownOrigin(origin, req, appUrl);
}
