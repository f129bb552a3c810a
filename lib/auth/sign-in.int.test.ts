// Sign-in: next-auth's own credentials flow (csrf token, then callback) with our options, the
// throttle per account and per address, and the same answer for unknown and wrong.
import { createRequire } from "node:module";
import path from "node:path";
import { eq } from "drizzle-orm";
import type { NextAuthOptions } from "next-auth";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "@/db/testing";
import { loginThrottle, staff } from "@/db/schema";
import { updateSettings } from "@/lib/config/settings";
import { TEST_ORIGIN, setupTestAuth } from "@/test/auth";
import { STAFF_PASSWORD, type Cast, seedStaffCast } from "@/test/staff-factory";
import { authenticateStaff, getAuthOptions, sessionCookieName, staffFromToken, SignInLockedError } from "./index";

const MAX_FAILURES = 5;
const ADDRESS_MAX_FAILURES = 20;
const LOCK_MS = 15 * 60_000;

// next-auth's core handler (what its route runs after reading next/headers) is not in the
// package's exports map; tests load it by file to drive the real credentials flow.
const require = createRequire(import.meta.url);
type AuthHandlerFn = (p: { req: Request; options: NextAuthOptions }) => Promise<{
  status?: number;
  redirect?: string;
  body?: unknown;
  cookies?: Array<{ name: string; value: string; options: Record<string, unknown> }>;
}>;
const { AuthHandler } = require(path.join(path.dirname(require.resolve("next-auth")), "core", "index.js")) as { AuthHandler: AuthHandlerFn };

setupTestAuth();
const handle = await createTestDb();
const db = handle.db;
let cast: Cast;
beforeAll(async () => {
  cast = await seedStaffCast(db);
});

async function nextAuth(path: string, init: { method?: string; body?: unknown; cookie?: string } = {}) {
  const headers: Record<string, string> = { host: "localhost:3000" };
  if (init.cookie) headers.cookie = init.cookie;
  if (init.body) headers["content-type"] = "application/json";
  const req = new Request(`${TEST_ORIGIN}/api/auth/${path}`, { method: init.method ?? "GET", headers, body: init.body ? JSON.stringify(init.body) : undefined });
  return AuthHandler({ req, options: getAuthOptions() });
}

async function signInThroughNextAuth(email: string, password: string) {
  const csrf = await nextAuth("csrf");
  const csrfCookie = csrf.cookies!.find((c) => c.name.endsWith("next-auth.csrf-token"))!;
  const { csrfToken } = csrf.body as { csrfToken: string };
  return nextAuth("callback/credentials", {
    method: "POST",
    body: { email, password, csrfToken, json: "true" },
    cookie: `${csrfCookie.name}=${csrfCookie.value}`,
  });
}

describe("sign in through next-auth's credentials route", () => {
  it("issues an http-only SameSite=Lax session cookie that identifies the staff member", async () => {
    const res = await signInThroughNextAuth("Agent1@Example.com", STAFF_PASSWORD);
    const session = res.cookies!.find((c) => c.name === sessionCookieName());
    expect(session).toBeDefined();
    expect(session!.options).toMatchObject({ httpOnly: true, sameSite: "lax", path: "/" });
    const who = await staffFromToken(session!.value, db);
    expect(who?.id).toBe(cast.agentA.id);
    expect(who?.deptIds).toEqual([cast.support.id]);
    const [row] = await db.select().from(staff).where(eq(staff.id, cast.agentA.id));
    expect(row.lastLoginAt).not.toBeNull();
  });

  it("refuses a wrong password and an unknown email with the same answer and no cookie", async () => {
    const wrong = await signInThroughNextAuth("agent2@example.com", "not-the-password");
    const unknown = await signInThroughNextAuth("nobody@example.com", "not-the-password");
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(401);
      expect(res.redirect).toContain("error=CredentialsSignin");
      expect(res.cookies?.some((c) => c.name === sessionCookieName())).toBe(false);
    }
  });

  it("refuses a deactivated account with the same answer", async () => {
    const res = await signInThroughNextAuth("gone@example.com", STAFF_PASSWORD);
    expect(res.status).toBe(401);
    expect(res.redirect).toContain("error=CredentialsSignin");
  });

  it("refuses a callback without the csrf token", async () => {
    const res = await nextAuth("callback/credentials", { method: "POST", body: { email: "agent1@example.com", password: STAFF_PASSWORD } });
    expect(res.cookies?.some((c) => c.name === sessionCookieName())).toBeFalsy();
  });
});

describe("throttling (defaults: 5 failures per account, 20 per address, lock for 15 minutes)", () => {
  const t0 = new Date("2030-01-01T10:00:00Z");
  const at = (ms: number) => new Date(t0.getTime() + ms);

  it(`locks an account after ${MAX_FAILURES} failures for 15 minutes, even for the right password`, async () => {
    const email = "pm@example.com";
    for (let i = 1; i < MAX_FAILURES; i++) {
      expect(await authenticateStaff(db, { email, password: "wrong", ip: `198.51.100.${i}` }, at(i * 1000))).toBeNull();
    }
    await expect(authenticateStaff(db, { email, password: "wrong", ip: "198.51.100.99" }, at(10_000))).rejects.toThrow(SignInLockedError);
    await expect(authenticateStaff(db, { email, password: STAFF_PASSWORD }, at(60_000))).rejects.toThrow(/Try again in 15 minutes/);
    expect(await authenticateStaff(db, { email, password: STAFF_PASSWORD }, at(10_000 + LOCK_MS + 1000))).not.toBeNull();
    // success clears the account's count
    expect(await db.select().from(loginThrottle).where(eq(loginThrottle.key, `account:${email}`))).toEqual([]);
  });

  it("locks unknown emails exactly like known ones", async () => {
    const email = "ghost@example.com";
    for (let i = 1; i < MAX_FAILURES; i++) expect(await authenticateStaff(db, { email, password: "x" }, at(i))).toBeNull();
    await expect(authenticateStaff(db, { email, password: "x" }, at(10))).rejects.toThrow(/Too many failed sign-in attempts/);
  });

  it("locks an address that tries many accounts", async () => {
    const ip = "203.0.113.50";
    for (let i = 1; i < ADDRESS_MAX_FAILURES; i++) expect(await authenticateStaff(db, { email: `probe${i}@example.com`, password: "x", ip }, at(i))).toBeNull();
    await expect(authenticateStaff(db, { email: "probe99@example.com", password: "x", ip }, at(30))).rejects.toThrow(SignInLockedError);
    // a real account from the locked address is refused too; from elsewhere it works
    await expect(authenticateStaff(db, { email: "agent2@example.com", password: STAFF_PASSWORD, ip }, at(40))).rejects.toThrow(SignInLockedError);
    expect(await authenticateStaff(db, { email: "agent2@example.com", password: STAFF_PASSWORD, ip: "203.0.113.51" }, at(40))).not.toBeNull();
  });

  it("does not lock an office's address for one colleague's typos", async () => {
    const ip = "203.0.113.60";
    for (let i = 1; i <= MAX_FAILURES; i++) await authenticateStaff(db, { email: "typo@example.com", password: "x", ip }, at(i)).catch(() => null);
    await expect(authenticateStaff(db, { email: "typo@example.com", password: "x", ip }, at(20))).rejects.toThrow(SignInLockedError);
    expect(await authenticateStaff(db, { email: "agent2@example.com", password: STAFF_PASSWORD, ip }, at(30))).not.toBeNull();
  });

  it("forgets failures older than the window", async () => {
    const email = "agent2@example.com";
    for (let i = 1; i < MAX_FAILURES; i++) expect(await authenticateStaff(db, { email, password: "x" }, at(i))).toBeNull();
    // 16 minutes later the count restarts, so one more failure does not lock
    expect(await authenticateStaff(db, { email, password: "x" }, at(16 * 60_000))).toBeNull();
    expect(await authenticateStaff(db, { email, password: STAFF_PASSWORD }, at(16 * 60_000 + 1))).not.toBeNull();
  });

  it("counts parallel failures exactly", async () => {
    const email = "parallel@example.com";
    const results = await Promise.allSettled(
      Array.from({ length: MAX_FAILURES }, () => authenticateStaff(db, { email, password: "x" }, at(5))),
    );
    const [row] = await db.select().from(loginThrottle).where(eq(loginThrottle.key, `account:${email}`));
    expect(row.failures).toBe(MAX_FAILURES);
    expect(row.lockedUntil).not.toBeNull();
    expect(results.filter((r) => r.status === "rejected").length).toBeGreaterThanOrEqual(1);
  });

  it("takes its limits from settings", async () => {
    await updateSettings(db, { signInMaxFailuresPerAddress: 2 });
    const ip = "203.0.113.77";
    expect(await authenticateStaff(db, { email: "s1@example.com", password: "x", ip }, at(1))).toBeNull();
    await expect(authenticateStaff(db, { email: "s2@example.com", password: "x", ip }, at(2))).rejects.toThrow(SignInLockedError);
    await updateSettings(db, { signInMaxFailuresPerAddress: 5 });
  });

  it("shows the lockout message through next-auth", async () => {
    const email = "ghost2@example.com";
    for (let i = 0; i < MAX_FAILURES; i++) await signInThroughNextAuth(email, "x").catch(() => {});
    const res = await signInThroughNextAuth(email, "x");
    expect(decodeURIComponent(res.redirect ?? "")).toMatch(/Too many failed sign-in attempts\. Try again in \d+ minutes?\./);
  });
});
