// next-auth (v4) configuration: e-mail and password sign-in, JWT sessions in an http-only,
// SameSite=Lax cookie. The JWT carries the staff id and session version; every request checks
// them against the staff row (session.ts), because a JWT cannot be recalled.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { getClientIp } from "@/lib/http/client-ip";
import { SESSION_MAX_AGE_S, authSecret, sessionCookieName, sessionCookieOptions } from "./cookie";
import { authenticateStaff, type SignedInStaff } from "./credentials";

/** The address next-auth's authorize() sees, from the plain header object it passes. */
function ipFromHeaderRecord(headers: Record<string, unknown> | undefined): string | null {
  const h = new Headers();
  for (const [k, v] of Object.entries(headers ?? {})) if (typeof v === "string" && k.startsWith("x-")) h.set(k, v);
  return getClientIp(new Request("http://localhost/", { headers: h }));
}

let cached: NextAuthOptions | undefined;

export function getAuthOptions(): NextAuthOptions {
  if (cached) return cached;
  cached = {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
    jwt: { maxAge: SESSION_MAX_AGE_S },
    pages: { signIn: "/login", error: "/login" },
    cookies: { sessionToken: { name: sessionCookieName(), options: sessionCookieOptions() } },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        authorize: async (credentials, req) =>
          authenticateStaff(await getDb(), { email: credentials?.email, password: credentials?.password, ip: ipFromHeaderRecord(req.headers) }),
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) token.sv = (user as unknown as SignedInStaff).sessionVersion;
        return token;
      },
      session({ session, token }) {
        return { ...session, user: { id: Number(token.sub), name: token.name, email: token.email } };
      },
    },
  };
  return cached;
}

/** Tests change the secret or URL between files. */
export function resetAuthOptions(): void {
  cached = undefined;
}
