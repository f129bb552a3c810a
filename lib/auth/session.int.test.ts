// Sessions are re-checked against the staff row on every request.
import { eq, sql } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "@/db/testing";
import { staff, teamMembers } from "@/db/schema";
import { TEST_AUTH_SECRET, sessionCookie, staffRequest, setupTestAuth } from "@/test/auth";
import { type Cast, createTeam, seedStaffCast } from "@/test/staff-factory";
import { readSessionToken, sessionCookieName, staffFromRequest, staffFromToken } from "./index";

setupTestAuth();
const { db } = await createTestDb();
let cast: Cast;
beforeAll(async () => {
  cast = await seedStaffCast(db);
});

describe("staffFromRequest", () => {
  it("loads the staff member with departments and active teams", async () => {
    const team = await createTeam(db, "Night shift", [cast.agentA.id]);
    const inactiveTeam = await createTeam(db, "Old team", [cast.agentA.id]);
    await db.execute(sql`UPDATE teams SET is_active = false WHERE id = ${inactiveTeam.id}`);
    const who = await staffFromRequest(await staffRequest("/api/staff/status", { as: cast.agentA }));
    expect(who).toMatchObject({ id: cast.agentA.id, role: "agent", deptIds: [cast.support.id], teamIds: [team.id] });
    await db.delete(teamMembers).where(eq(teamMembers.staffId, cast.agentA.id));
  });

  it("answers null without a cookie, with a forged token, or with a token for another secret", async () => {
    expect(await staffFromRequest(await staffRequest("/x"))).toBeNull();
    const forged = await staffRequest("/x", { headers: { cookie: `${sessionCookieName()}=eyJhbGciOiJkaXIifQ..bad.bad.bad` } });
    expect(await staffFromRequest(forged)).toBeNull();
    const other = await encode({ token: { sub: String(cast.admin.id), sv: 1 }, secret: "another-secret-entirely-0000000000" });
    expect(await staffFromToken(other, db)).toBeNull();
  });

  it("answers null for an expired token", async () => {
    const expired = await encode({ token: { sub: String(cast.agentA.id), sv: cast.agentA.sessionVersion }, secret: TEST_AUTH_SECRET, maxAge: -60 });
    expect(await staffFromToken(expired, db)).toBeNull();
  });

  it("drops a session at once when the staff member is deactivated", async () => {
    const req1 = await staffRequest("/x", { as: cast.agentB });
    expect(await staffFromRequest(req1)).not.toBeNull();
    await db.update(staff).set({ isActive: false }).where(eq(staff.id, cast.agentB.id));
    expect(await staffFromRequest(await staffRequest("/x", { as: cast.agentB }))).toBeNull();
    await db.update(staff).set({ isActive: true }).where(eq(staff.id, cast.agentB.id));
  });

  it("drops sessions issued before a session version bump (password change)", async () => {
    const old = await sessionCookie(cast.manager);
    await db.update(staff).set({ sessionVersion: cast.manager.sessionVersion + 1 }).where(eq(staff.id, cast.manager.id));
    expect(await staffFromToken(readSessionToken(old), db)).toBeNull();
    expect(await staffFromToken(readSessionToken(await sessionCookie({ ...cast.manager, sessionVersion: cast.manager.sessionVersion + 1 })), db)).not.toBeNull();
  });

  it("looks the staff member up once per request", async () => {
    const req = await staffRequest("/x", { as: cast.admin });
    expect(staffFromRequest(req)).toBe(staffFromRequest(req));
  });

  it("reads a token split into chunks", () => {
    const name = sessionCookieName();
    expect(readSessionToken(`a=1; ${name}.0=abc; ${name}.1=def`)).toBe("abcdef");
  });
});
