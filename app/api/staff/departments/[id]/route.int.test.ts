// Departments and teams managed by admins: create, edit, deactivate, delete only when unused.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "@/db/testing";
import { departments, events, teamMembers } from "@/db/schema";
import { getSettings } from "@/lib/config/settings";
import { setupTestAuth } from "@/test/auth";
import { api } from "@/test/staff-api";
import { type Cast, seedStaffCast } from "@/test/staff-factory";
import { createTicket } from "@/test/ticket-factory";
import { DELETE as delTeam, PATCH as patchTeam } from "../../teams/[id]/route";
import { POST as postTeam } from "../../teams/route";
import { POST } from "../route";
import { DELETE, GET, PATCH } from "./route";

setupTestAuth();
const { db } = await createTestDb();
let cast: Cast;
beforeAll(async () => {
  cast = await seedStaffCast(db);
});

type Dept = typeof departments.$inferSelect;
const idp = (id: number) => ({ id: String(id) });
const path = (id: number) => `/api/staff/departments/${id}`;

describe("departments (admins)", () => {
  it("creates a department with a manager and SLA, recording the event", async () => {
    const res = await api(cast.admin).post<Dept>(POST, "/api/staff/departments", {}, { name: "  Sales ", managerId: cast.manager.id, slaId: cast.support.slaId });
    expect(res.status).toBe(201);
    expect(res.json.data).toMatchObject({ name: "Sales", managerId: cast.manager.id, slaId: cast.support.slaId, isActive: true });
    const [ev] = await db.select().from(events).where(and(eq(events.entityType, "department"), eq(events.entityId, res.json.data!.id)));
    expect(ev).toMatchObject({ action: "created", staffId: cast.admin.id, after: expect.objectContaining({ name: "Sales" }) });
  });

  it.each([
    ["an empty name", { name: " " }, 400, { name: "Name is required" }],
    ["a name in use (any case)", { name: "SUPPORT" }, 409, { name: "Already in use" }],
    ["an unknown manager", { name: "X1", managerId: 99999 }, 400, { managerId: "Unknown or inactive: 99999" }],
    ["an unknown SLA plan", { name: "X2", slaId: 99999 }, 400, { slaId: "Unknown: 99999" }],
    ["a signature too long", { name: "X3", signature: "x".repeat(5001) }, 400, { signature: "At most 5000 characters" }],
  ])("refuses %s", async (_n, body, status, errors) => {
    const res = await api(cast.admin).post(POST, "/api/staff/departments", {}, body);
    expect({ status: res.status, errors: res.json.errors }).toEqual({ status, errors });
  });

  it("edits, deactivates and reactivates; the default department cannot be deactivated", async () => {
    const d = (await api(cast.admin).post<Dept>(POST, "/api/staff/departments", {}, { name: "Projects" })).json.data!;
    const renamed = await api(cast.admin).patch<Dept>(PATCH, path(d.id), idp(d.id), { name: "Project work", signature: "The projects team" });
    expect(renamed.json.data).toMatchObject({ name: "Project work", signature: "The projects team" });
    const off = await api(cast.admin).patch<Dept>(PATCH, path(d.id), idp(d.id), { isActive: false });
    expect(off.json.data!.isActive).toBe(false);
    expect((await db.select().from(events).where(and(eq(events.entityId, d.id), eq(events.action, "deactivated")))).length).toBe(1);
    const { defaultDeptId } = await getSettings(db);
    const refused = await api(cast.admin).patch(PATCH, path(defaultDeptId!), idp(defaultDeptId!), { isActive: false });
    expect(refused.status).toBe(409);
    expect(refused.json.message).toMatch(/default for new tickets/);
    expect((await api(cast.admin).patch(PATCH, path(d.id), idp(d.id), {})).json.errors).toEqual({ _: "Nothing to change" });
  });

  it("deletes an unused department; one with tickets is refused with the count", async () => {
    const unused = (await api(cast.admin).post<Dept>(POST, "/api/staff/departments", {}, { name: "Temp" })).json.data!;
    expect((await api(cast.admin).del(DELETE, path(unused.id), idp(unused.id))).status).toBe(200);
    expect((await api(cast.admin).get(GET, path(unused.id), idp(unused.id))).status).toBe(404);
    await createTicket(db, { deptId: cast.billing.id });
    const used = await api(cast.admin).del(DELETE, path(cast.billing.id), idp(cast.billing.id));
    expect(used.status).toBe(409);
    expect(used.json.message).toBe("This department is still used by 1 ticket; deactivate it instead");
  });

  it("is for admins only", async () => {
    expect((await api(cast.manager).post(POST, "/api/staff/departments", {}, { name: "Nope" })).status).toBe(403);
    expect((await api(cast.agentA).patch(PATCH, path(cast.support.id), idp(cast.support.id), { name: "Nope" })).status).toBe(403);
  });
});

describe("teams (admins)", () => {
  type Team = { id: number; name: string; leadId: number | null; memberIds: number[]; isActive: boolean };

  it("creates a team whose lead is always a member, and edits its members", async () => {
    const res = await api(cast.admin).post<Team>(postTeam, "/api/staff/teams", {}, { name: "Night shift", leadId: cast.manager.id, memberIds: [cast.agentA.id] });
    expect(res.status).toBe(201);
    const team = res.json.data!;
    expect(team.memberIds).toEqual([cast.manager.id, cast.agentA.id].sort((a, b) => a - b));
    const edited = await api(cast.admin).patch<Team>(patchTeam, `/api/staff/teams/${team.id}`, idp(team.id), { memberIds: [cast.agentB.id] });
    expect(edited.json.data!.memberIds).toEqual([cast.manager.id, cast.agentB.id].sort((a, b) => a - b));
    const newLead = await api(cast.admin).patch<Team>(patchTeam, `/api/staff/teams/${team.id}`, idp(team.id), { leadId: cast.agentA.id });
    expect(newLead.json.data!.memberIds).toContain(cast.agentA.id);
    const rows = await db.select().from(teamMembers).where(eq(teamMembers.teamId, team.id));
    expect(rows.length).toBe(3);
  });

  it.each([
    ["an unknown member", { name: "T1", memberIds: [99999] }, 400, { memberIds: "Unknown: 99999" }],
    ["a deactivated lead", () => ({ name: "T2", leadId: cast.inactive.id }), 400, null],
    ["a non-numeric member", { name: "T3", memberIds: ["abc"] }, 400, null],
  ])("refuses %s", async (_n, body, status, errors) => {
    const res = await api(cast.admin).post(postTeam, "/api/staff/teams", {}, typeof body === "function" ? body() : body);
    expect(res.status).toBe(status);
    if (errors) expect(res.json.errors).toEqual(errors);
    else expect(Object.keys(res.json.errors ?? {}).length).toBe(1);
  });

  it("a team with tickets is deactivated, not deleted", async () => {
    const team = (await api(cast.admin).post<Team>(postTeam, "/api/staff/teams", {}, { name: "Escalations" })).json.data!;
    await createTicket(db, { deptId: cast.support.id, teamId: team.id });
    const res = await api(cast.admin).del(delTeam, `/api/staff/teams/${team.id}`, idp(team.id));
    expect(res.status).toBe(409);
    expect(res.json.message).toMatch(/1 ticket; deactivate it instead/);
    expect((await api(cast.admin).patch<Team>(patchTeam, `/api/staff/teams/${team.id}`, idp(team.id), { isActive: false })).json.data!.isActive).toBe(false);
  });
});
