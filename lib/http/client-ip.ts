// The client address as seen by route handlers. Our custom server (scripts/server.ts) writes it
// into a header together with a per-process token, so a client cannot forge it; on Vercel the
// platform's own forwarded-for header is used.
import { timingSafeEqual } from "node:crypto";
import { env } from "@/lib/config/env";

export const CLIENT_IP_HEADER = "x-helpdesk-client-ip";
export const PROXY_TOKEN_HEADER = "x-helpdesk-proxy-token";

function sameToken(a: string, b: string): boolean {
  const ba = Buffer.from(a);
  const bb = Buffer.from(b);
  return ba.length === bb.length && timingSafeEqual(ba, bb);
}

/** The client's address, or null when it cannot be known reliably. */
export function getClientIp(req: Request): string | null {
  const e = env();
  const token = req.headers.get(PROXY_TOKEN_HEADER);
  if (e.HELPDESK_INTERNAL_TOKEN && token && sameToken(token, e.HELPDESK_INTERNAL_TOKEN)) {
    return req.headers.get(CLIENT_IP_HEADER);
  }
  if (e.VERCEL) {
    const forwarded = req.headers.get("x-vercel-forwarded-for") ?? req.headers.get("x-real-ip") ?? req.headers.get("x-forwarded-for");
    return forwarded?.split(",")[0]?.trim() || null;
  }
  return null;
}
