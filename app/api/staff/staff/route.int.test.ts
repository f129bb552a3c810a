// Staff management (admins) and each member's own settings; deactivation ends sessions at once.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "@/db/testing";
import { events, staff } from "@/db/schema";
import { authenticateStaff, readSessionToken, staffFromToken } from "@/lib/auth";
import type { StaffMember } from "@/lib/staff";
import { GET as statusGET } from "@/app/api/staff/status/route";
import { setupTestAuth } from "@/test/auth";
import { api } from "@/test/staff-api";
import { STAFF_PASSWORD, type Cast, seedStaffCast } from "@/test/staff-factory";
import { GET as meGET, PATCH as mePATCH } from "../me/route";
import { POST as mePassword } from "../me/password/route";
import { PATCH as editStaff, GET as getStaff } from "./[id]/route";
import { POST as resetPassword } from "./[id]/reset-password/route";
import { GET, POST } from "./route";

setupTestAuth();
const { db } = await createTestDb();
let cast: Cast;
beforeAll(async () => {
  cast = await seedStaffCast(db);
});

const row = async (id: number) => (await db.select().from(staff).where(eq(staff.id, id)))[0];
const idp = (id: number) => ({ id: String(id) });

describe("POST /api/staff/staff (admins)", () => {
  it("creates a staff member with a generated password shown once, who can then sign in", async () => {
    const res = await api(cast.admin).post<{ staff: StaffMember; password: string }>(POST, "/api/staff/staff", {}, {
      email: "New.Agent@Example.com",
      name: "New Agent",
      deptIds: [cast.billing.id],
      timezone: "Europe/Paris",
    });
    expect(res.status).toBe(201);
    const { staff: s, password } = res.json.data!;
    expect(s).toMatchObject({ email: "new.agent@example.com", role: "agent", deptIds: [cast.billing.id], primaryDeptId: cast.billing.id, timezone: "Europe/Paris", isActive: true });
    expect(JSON.stringify(res.json)).not.toMatch(/passwordHash|argon2/);
    expect(password).toMatch(/^[\w-]{16}$/);
    expect(await authenticateStaff(db, { email: "new.agent@example.com", password })).not.toBeNull();
    const [ev] = await db.select().from(events).where(eq(events.entityId, s.id));
    expect(ev).toMatchObject({ entityType: "staff", action: "created", staffId: cast.admin.id });
  });

  it.each([
    ["a used email", () => ({ email: "AGENT1@example.com", name: "Dup" }), 409, { email: "Already in use" }],
    ["a bad email", () => ({ email: "nope", name: "X" }), 400, { email: "Not a valid email address" }],
    ["a short password", () => ({ email: "p@example.com", name: "X", password: "short" }), 400, { password: "At least 10 characters" }],
    ["an unknown time zone", () => ({ email: "t@example.com", name: "X", timezone: "Mars/Base" }), 400, { timezone: "Unknown time zone (use an IANA name such as America/Chicago)" }],
    ["a bad phone", () => ({ email: "ph@example.com", name: "X", phone: "555-0100" }), 400, { phone: "Use the international format, e.g. +15551234567" }],
    ["an unknown department", () => ({ email: "d@example.com", name: "X", deptIds: [99999] }), 400, { deptIds: "Unknown: 99999" }],
    ["a primary department outside the departments", () => ({ email: "pd@example.com", name: "X", deptIds: [cast.support.id], primaryDeptId: cast.billing.id }), 400, () => ({ primaryDeptId: `Must be one of the staff member's departments (deptIds: ${cast.support.id})` })],
    ["a primary department without departments", () => ({ email: "pd0@example.com", name: "X", primaryDeptId: cast.billing.id }), 400, { primaryDeptId: "Must be one of the staff member's departments (deptIds: none)" }],
  ])("refuses %s", async (_n, body, status, errors) => {
    const res = await api(cast.admin).post(POST, "/api/staff/staff", {}, body());
    expect(res.status).toBe(status);
    expect(res.json.errors).toEqual(typeof errors === "function" ? errors() : errors);
  });

  it("is for admins only", async () => {
    expect((await api(cast.manager).post(POST, "/api/staff/staff", {}, { email: "m@example.com", name: "M" })).status).toBe(403);
  });
});

describe("GET /api/staff/staff", () => {
  it("lists active colleagues for everyone, details and the deactivated for admins", async () => {
    const asAgent = await api(cast.agentB).get<{ items: Record<string, unknown>[] }>(GET, "/api/staff/staff?includeInactive=true", {});
    expect(asAgent.json.data!.items.some((s) => s.id === cast.inactive.id)).toBe(false);
    expect(Object.keys(asAgent.json.data!.items[0]).sort()).toEqual(["deptIds", "email", "id", "isActive", "name", "role"]);
    const asAdmin = await api(cast.admin).get<{ items: StaffMember[] }>(GET, "/api/staff/staff?includeInactive=true", {});
    expect(asAdmin.json.data!.items.some((s) => s.id === cast.inactive.id)).toBe(true);
    const inBilling = await api(cast.agentA).get<{ items: StaffMember[] }>(GET, `/api/staff/staff?deptId=${cast.billing.id}`, {});
    expect(inBilling.json.data!.items.map((s) => s.id)).toEqual(expect.arrayContaining([cast.agentB.id, cast.manager.id, cast.admin.id]));
    expect(inBilling.json.data!.items.map((s) => s.id)).not.toContain(cast.agentA.id);
  });
});

describe("PATCH /api/staff/staff/{id}", () => {
  it("deactivation ends the member's sessions at once; reactivation lets them sign in again", async () => {
    const before = await api(cast.agentB).get(statusGET, "/api/staff/status");
    expect(before.status).toBe(200);
    const res = await api(cast.admin).patch<StaffMember>(editStaff, `/api/staff/staff/${cast.agentB.id}`, idp(cast.agentB.id), { isActive: false });
    expect(res.status).toBe(200);
    expect(res.json.message).toBe("Deactivated; their sessions have ended");
    expect((await api(cast.agentB).get(statusGET, "/api/staff/status")).status).toBe(401);
    expect(await authenticateStaff(db, { email: cast.agentB.email, password: STAFF_PASSWORD })).toBeNull();
    await api(cast.admin).patch(editStaff, `/api/staff/staff/${cast.agentB.id}`, idp(cast.agentB.id), { isActive: true });
    expect(await authenticateStaff(db, { email: cast.agentB.email, password: STAFF_PASSWORD })).not.toBeNull();
    expect((await db.select().from(events).where(eq(events.action, "deactivated"))).length).toBe(1);
    cast.agentB = await row(cast.agentB.id);
  });

  it("changes role and departments", async () => {
    const res = await api(cast.admin).patch<StaffMember>(editStaff, `/api/staff/staff/${cast.agentA.id}`, idp(cast.agentA.id), { deptIds: [cast.support.id, cast.billing.id], role: "manager" });
    expect(res.json.data).toMatchObject({ role: "manager", deptIds: [cast.support.id, cast.billing.id].sort((a, b) => a - b) });
    await api(cast.admin).patch(editStaff, `/api/staff/staff/${cast.agentA.id}`, idp(cast.agentA.id), { deptIds: [cast.support.id], role: "agent" });
  });

  it("refuses an admin's deactivation of their own account, which stays active and signed in", async () => {
    const { sessionVersion } = await row(cast.admin.id);
    const res = await api(cast.admin).patch(editStaff, `/api/staff/staff/${cast.admin.id}`, idp(cast.admin.id), { isActive: false });
    expect([res.status, res.json.message, res.json.errors]).toEqual([409, "You cannot deactivate your own account; another admin can", { isActive: "You cannot deactivate yourself" }]);
    expect(await row(cast.admin.id)).toMatchObject({ isActive: true, sessionVersion });
    expect((await api(cast.admin).get(statusGET, "/api/staff/status")).status).toBe(200);
    expect(await db.select().from(events).where(eq(events.action, "deactivated"))).not.toContainEqual(expect.objectContaining({ entityId: cast.admin.id }));
  });

  it("keeps the primary department among the member's departments", async () => {
    const p = `/api/staff/staff/${cast.agentB.id}`;
    const before = await row(cast.agentB.id);
    const primaryOnly = await api(cast.admin).patch(editStaff, p, idp(cast.agentB.id), { primaryDeptId: cast.support.id });
    expect([primaryOnly.status, primaryOnly.json.errors]).toEqual([400, { primaryDeptId: `Must be one of the staff member's departments (deptIds: ${cast.billing.id})` }]);
    const both = await api(cast.admin).patch(editStaff, p, idp(cast.agentB.id), { deptIds: [cast.billing.id], primaryDeptId: cast.support.id });
    expect(both.status).toBe(400);
    expect(Object.keys(both.json.errors!)).toEqual(["primaryDeptId"]);
    const dropped = await api(cast.admin).patch(editStaff, p, idp(cast.agentB.id), { deptIds: [cast.support.id] });
    expect([dropped.status, dropped.json.errors]).toEqual([400, { primaryDeptId: `Must be one of the staff member's departments (deptIds: ${cast.support.id})` }]);
    expect(await row(cast.agentB.id)).toMatchObject({ primaryDeptId: before.primaryDeptId });
    const ok = await api(cast.admin).patch<StaffMember>(editStaff, p, idp(cast.agentB.id), { deptIds: [cast.billing.id, cast.support.id], primaryDeptId: cast.support.id });
    expect(ok.json.data).toMatchObject({ primaryDeptId: cast.support.id });
    await api(cast.admin).patch(editStaff, p, idp(cast.agentB.id), { deptIds: [cast.billing.id], primaryDeptId: before.primaryDeptId });
  });

  it("refuses to remove the last active admin", async () => {
    const demote = await api(cast.admin).patch(editStaff, `/api/staff/staff/${cast.admin.id}`, idp(cast.admin.id), { role: "manager" });
    expect(demote.status).toBe(409);
  });

  it("answers 404 for an unknown member and 403 for non-admins", async () => {
    expect((await api(cast.admin).get(getStaff, "/api/staff/staff/99999", idp(99999))).status).toBe(404);
    expect((await api(cast.manager).get(getStaff, `/api/staff/staff/${cast.agentA.id}`, idp(cast.agentA.id))).status).toBe(403);
  });
});

describe("passwords", () => {
  it("admin reset: generated password works, old sessions and password do not", async () => {
    const victim = cast.manager;
    const res = await api(cast.admin).post<{ password: string }>(resetPassword, `/api/staff/staff/${victim.id}/reset-password`, idp(victim.id), {});
    expect(res.status).toBe(200);
    expect((await api(victim).get(statusGET, "/api/staff/status")).status).toBe(401);
    expect(await authenticateStaff(db, { email: victim.email, password: STAFF_PASSWORD })).toBeNull();
    expect(await authenticateStaff(db, { email: victim.email, password: res.json.data!.password })).not.toBeNull();
    await api(cast.admin).post(resetPassword, `/api/staff/staff/${victim.id}/reset-password`, idp(victim.id), { password: STAFF_PASSWORD });
    cast.manager = await row(victim.id);
  });

  it("own change: needs the current password, ends other sessions, keeps this one with a fresh cookie", async () => {
    const me = cast.agentA;
    const wrong = await api(me).post(mePassword, "/api/staff/me/password", {}, { currentPassword: "nope", newPassword: "a-brand-new-password" });
    expect(wrong.status).toBe(400);
    expect(wrong.json.errors).toEqual({ currentPassword: "That is not your current password" });
    const res = await api(me).post(mePassword, "/api/staff/me/password", {}, { currentPassword: STAFF_PASSWORD, newPassword: "a-brand-new-password" });
    expect(res.status).toBe(200);
    expect((await api(me).get(statusGET, "/api/staff/status")).status).toBe(401);
    const setCookie = res.headers.get("set-cookie")!;
    expect(setCookie).toMatch(/HttpOnly; SameSite=Lax/);
    const fresh = await staffFromToken(readSessionToken(setCookie.split(";")[0]), db);
    expect(fresh?.id).toBe(me.id);
    expect(await authenticateStaff(db, { email: me.email, password: "a-brand-new-password" })).not.toBeNull();
    cast.agentA = await row(me.id);
  });

  it("own change: wrong current passwords count towards the sign-in lock", async () => {
    const me = cast.manager;
    const tries = [];
    for (let i = 0; i < 6; i++) tries.push((await api(me).post(mePassword, "/api/staff/me/password", {}, { currentPassword: `guess-${i}`, newPassword: "another-new-password" })).status);
    expect(tries.slice(0, 4)).toEqual([400, 400, 400, 400]);
    expect(tries.slice(4)).toEqual([429, 429]);
    // Locked now: even the right password is refused until the lock ends.
    const right = await api(me).post(mePassword, "/api/staff/me/password", {}, { currentPassword: STAFF_PASSWORD, newPassword: "another-new-password" });
    expect(right.status).toBe(429);
    expect(right.headers.get("retry-after")).toMatch(/^\d+$/);
  });
});

describe("/api/staff/me", () => {
  it("shows the caller with permissions and updates signature and time zone", async () => {
    const me = await api(cast.agentB).get<StaffMember & { permissions: string[] }>(meGET, "/api/staff/me");
    expect(me.json.data).toMatchObject({ id: cast.agentB.id, role: "agent" });
    expect(me.json.data!.permissions).toContain("tickets.reply");
    expect(me.json.data!.permissions).not.toContain("tickets.delete");
    const res = await api(cast.agentB).patch<StaffMember>(mePATCH, "/api/staff/me", {}, { signature: "Blair\nBilling team", timezone: "Asia/Tokyo" });
    expect(res.json.data).toMatchObject({ signature: "Blair\nBilling team", timezone: "Asia/Tokyo" });
    const bad = await api(cast.agentB).patch(mePATCH, "/api/staff/me", {}, { role: "admin" });
    expect(bad.status).toBe(400);
    expect((await row(cast.agentB.id)).role).toBe("agent");
  });
});
