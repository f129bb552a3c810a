// The session cookie: its name, options, secret and token format. Free of database imports so
// proxy.ts can check a cookie without loading the database client.
import { decode, encode } from "next-auth/jwt";
import { ensureAuthSecret } from "@/lib/config/auth-secret";
import { env } from "@/lib/config/env";

/** Set by proxy.ts on panel requests: the path a revoked session is sent back to after sign-in. */
export const PANEL_PATH_HEADER = "x-helpdesk-path";

/** Sessions last a working day; signing in again is cheap, a stolen cookie expires soon. */
export const SESSION_MAX_AGE_S = 12 * 60 * 60;

/** The secret that encrypts session JWTs. Local runs without one get a generated, kept secret. */
export function authSecret(): string {
  const e = env();
  const secret = e.AUTH_SECRET ?? e.NEXTAUTH_SECRET;
  if (secret) return secret;
  if (e.VERCEL) throw new Error("AUTH_SECRET is not set");
  ensureAuthSecret();
  return env().AUTH_SECRET!;
}

/** Secure cookies (and the __Secure- name prefix) when the public URL is https. */
export function secureCookies(): boolean {
  const url = env().APP_URL ?? process.env.NEXTAUTH_URL;
  return url ? url.startsWith("https://") : !!env().VERCEL;
}

export function sessionCookieName(): string {
  return `${secureCookies() ? "__Secure-" : ""}next-auth.session-token`;
}

export function sessionCookieOptions() {
  return { httpOnly: true, sameSite: "lax" as const, path: "/", secure: secureCookies() };
}

/** The session token from a Cookie header (next-auth splits large tokens into name.0, name.1...). */
export function readSessionToken(cookieHeader: string | null, name = sessionCookieName()): string | null {
  if (!cookieHeader) return null;
  const jar = new Map<string, string>();
  for (const part of cookieHeader.split(";")) {
    const i = part.indexOf("=");
    if (i > 0) jar.set(part.slice(0, i).trim(), part.slice(i + 1).trim());
  }
  if (jar.has(name)) return jar.get(name)!;
  const chunks: string[] = [];
  for (let i = 0; jar.has(`${name}.${i}`); i++) chunks.push(jar.get(`${name}.${i}`)!);
  return chunks.length ? chunks.join("") : null;
}

export interface SessionClaims {
  staffId: number;
  sessionVersion: number;
}

/** Decrypts and checks a session token; null when it is malformed, forged or expired. */
export async function decodeSessionToken(token: string | null): Promise<SessionClaims | null> {
  if (!token) return null;
  try {
    const payload = await decode({ token, secret: authSecret() });
    const staffId = Number(payload?.sub);
    if (!payload || !Number.isInteger(staffId) || staffId <= 0 || typeof payload.sv !== "number") return null;
    return { staffId, sessionVersion: payload.sv };
  } catch {
    return null;
  }
}

/** A session token for the staff member, as next-auth issues it at sign-in. */
export function mintSessionToken(s: { id: number; name: string; email: string; sessionVersion: number }): Promise<string> {
  return encode({ token: { sub: String(s.id), name: s.name, email: s.email, sv: s.sessionVersion }, secret: authSecret(), maxAge: SESSION_MAX_AGE_S });
}

/** A Set-Cookie value carrying a fresh session (a password change keeps this browser signed in). */
export async function sessionSetCookie(s: Parameters<typeof mintSessionToken>[0]): Promise<string> {
  const expires = new Date(Date.now() + SESSION_MAX_AGE_S * 1000).toUTCString();
  const secure = secureCookies() ? "; Secure" : "";
  return `${sessionCookieName()}=${await mintSessionToken(s)}; Path=/; Expires=${expires}; HttpOnly; SameSite=Lax${secure}`;
}
