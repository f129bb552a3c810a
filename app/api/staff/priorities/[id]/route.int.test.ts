// Help topics, priorities and SLA plans managed by admins.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "@/db/testing";
import { events, priorities } from "@/db/schema";
import { setupTestAuth } from "@/test/auth";
import { api } from "@/test/staff-api";
import { type Cast, seedStaffCast } from "@/test/staff-factory";
import { createTicket } from "@/test/ticket-factory";
import { DELETE as delSla, PATCH as patchSla } from "../../sla/[id]/route";
import { POST as postSla } from "../../sla/route";
import { DELETE as delTopic, PATCH as patchTopic } from "../../topics/[id]/route";
import { POST as postTopic } from "../../topics/route";
import { POST } from "../route";
import { DELETE, PATCH } from "./route";

setupTestAuth();
const { db } = await createTestDb();
let cast: Cast;
beforeAll(async () => {
  cast = await seedStaffCast(db);
});

type Priority = typeof priorities.$inferSelect;
const idp = (id: number) => ({ id: String(id) });

describe("priorities (admins)", () => {
  it("creates one; making it the default takes the flag from the others", async () => {
    const p = (await api(cast.admin).post<Priority>(POST, "/api/staff/priorities", {}, { name: "Urgent", urgency: 5, color: "#ff0000" })).json.data!;
    expect(p).toMatchObject({ name: "Urgent", urgency: 5, isDefault: false, isActive: true });
    const res = await api(cast.admin).patch<Priority>(PATCH, `/api/staff/priorities/${p.id}`, idp(p.id), { isDefault: true });
    expect(res.json.data!.isDefault).toBe(true);
    const defaults = await db.select().from(priorities).where(eq(priorities.isDefault, true));
    expect(defaults.map((d) => d.id)).toEqual([p.id]);
    const unset = await api(cast.admin).patch(PATCH, `/api/staff/priorities/${p.id}`, idp(p.id), { isDefault: false });
    expect(unset.status).toBe(409);
    expect((await api(cast.admin).del(DELETE, `/api/staff/priorities/${p.id}`, idp(p.id))).status).toBe(409);
    await api(cast.admin).patch(PATCH, `/api/staff/priorities/${cast.normal.id}`, idp(cast.normal.id), { isDefault: true });
    expect((await api(cast.admin).del(DELETE, `/api/staff/priorities/${p.id}`, idp(p.id))).status).toBe(200);
  });

  it.each([
    ["a bad colour", { name: "C", urgency: 2, color: "red" }, 400, { color: "A colour like #2563eb" }],
    ["urgency out of range", { name: "U", urgency: 0 }, 400, { urgency: "At least 1" }],
    ["a missing urgency", { name: "M" }, 400, null],
    ["a name in use", { name: "high", urgency: 9 }, 409, { name: "Already in use" }],
    ["an inactive default", { name: "D", urgency: 9, isDefault: true, isActive: false }, 400, { isDefault: "The default priority must be active" }],
  ])("refuses %s", async (_n, body, status, errors) => {
    const res = await api(cast.admin).post(POST, "/api/staff/priorities", {}, body);
    expect(res.status).toBe(status);
    if (errors) expect(res.json.errors).toEqual(errors);
    else expect(Object.keys(res.json.errors!)).toEqual(["urgency"]);
  });

  it("a priority used by tickets cannot be deleted", async () => {
    await createTicket(db, { deptId: cast.support.id, priorityId: cast.normal.id });
    const res = await api(cast.admin).del(DELETE, `/api/staff/priorities/${cast.normal.id}`, idp(cast.normal.id));
    expect(res.status).toBe(409);
  });
});

describe("help topics (admins)", () => {
  type Topic = { id: number; name: string; deptId: number | null; docsRequired: boolean };

  it("creates, edits and deletes a topic", async () => {
    const t = (await api(cast.admin).post<Topic>(postTopic, "/api/staff/topics", {}, { name: "Outage", deptId: cast.support.id, priorityId: cast.normal.id, docsRequired: true })).json.data!;
    expect(t).toMatchObject({ name: "Outage", deptId: cast.support.id, docsRequired: true });
    const edited = await api(cast.admin).patch<Topic>(patchTopic, `/api/staff/topics/${t.id}`, idp(t.id), { deptId: cast.billing.id, docsRequired: false });
    expect(edited.json.data).toMatchObject({ deptId: cast.billing.id, docsRequired: false });
    const [ev] = await db.select().from(events).where(and(eq(events.entityType, "help_topic"), eq(events.action, "updated")));
    expect(ev.before).toMatchObject({ deptId: cast.support.id });
    expect((await api(cast.admin).del(delTopic, `/api/staff/topics/${t.id}`, idp(t.id))).status).toBe(200);
  });

  it.each([
    ["an unknown department", { name: "A", deptId: 99999 }, { deptId: "Unknown: 99999" }],
    ["an unknown priority", { name: "B", priorityId: 99999 }, { priorityId: "Unknown: 99999" }],
    ["a non-boolean docs flag", { name: "C", docsRequired: "yes" }, { docsRequired: "Invalid input: expected boolean, received string" }],
  ])("refuses %s", async (_n, body, errors) => {
    const res = await api(cast.admin).post(postTopic, "/api/staff/topics", {}, body);
    expect({ status: res.status, errors: res.json.errors }).toEqual({ status: 400, errors });
  });
});

describe("SLA plans (admins)", () => {
  type Sla = { id: number; name: string; graceHours: number; isActive: boolean };

  it("creates and edits a plan; one used by a department cannot be deleted", async () => {
    const s = (await api(cast.admin).post<Sla>(postSla, "/api/staff/sla", {}, { name: "Gold", graceHours: 4 })).json.data!;
    expect(s).toMatchObject({ name: "Gold", graceHours: 4, isActive: true });
    expect((await api(cast.admin).patch<Sla>(patchSla, `/api/staff/sla/${s.id}`, idp(s.id), { graceHours: 2 })).json.data!.graceHours).toBe(2);
    const used = await api(cast.admin).del(delSla, `/api/staff/sla/${cast.support.slaId}`, idp(cast.support.slaId!));
    expect(used.status).toBe(409);
    expect((await api(cast.admin).del(delSla, `/api/staff/sla/${s.id}`, idp(s.id))).status).toBe(200);
  });

  it.each([
    ["zero hours", { name: "Z", graceHours: 0 }, { graceHours: "At least 1 hour" }],
    ["fractional hours", { name: "F", graceHours: 1.5 }, { graceHours: "A whole number of hours" }],
    ["more than a year", { name: "Y", graceHours: 9000 }, { graceHours: "At most 8760 hours (a year)" }],
  ])("refuses %s", async (_n, body, errors) => {
    const res = await api(cast.admin).post(postSla, "/api/staff/sla", {}, body);
    expect({ status: res.status, errors: res.json.errors }).toEqual({ status: 400, errors });
  });

  it("the default plan cannot be deactivated", async () => {
    const res = await api(cast.admin).patch(patchSla, `/api/staff/sla/${cast.support.slaId}`, idp(cast.support.slaId!), { isActive: false });
    expect(res.status).toBe(409);
  });
});
