// Transfer, referrals, delete and restore.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "@/db/testing";
import { ticketReferrals, tickets } from "@/db/schema";
import { setupTestAuth } from "@/test/auth";
import { api } from "@/test/staff-api";
import { type Cast, createStaff, createTeam, seedStaffCast } from "@/test/staff-factory";
import { createTicket } from "@/test/ticket-factory";
import { GET, DELETE } from "../route";
import { DELETE as unrefer, POST as refer } from "../refer/route";
import { POST as restore } from "../restore/route";
import { POST as transfer } from "./route";

setupTestAuth();
const { db } = await createTestDb();
let cast: Cast;
beforeAll(async () => {
  cast = await seedStaffCast(db);
});

const row = async (id: number) => (await db.select().from(tickets).where(eq(tickets.id, id)))[0];
const p = (t: { id: number }) => ({ tid: String(t.id) });
const u = (t: { id: number }, op = "") => `/api/staff/tickets/${t.id}${op ? `/${op}` : ""}`;

describe("POST /tickets/{tid}/transfer", () => {
  it("moves the ticket, unassigns an assignee without access, reopens a closed ticket, refers back", async () => {
    const t = await createTicket(db, { deptId: cast.support.id, staffId: cast.agentA.id, status: "closed" });
    const res = await api(cast.manager).post(transfer, u(t, "transfer"), p(t), { deptId: cast.billing.id, refer: true, comment: "Billing question" });
    expect(res.status).toBe(200);
    expect(await row(t.id)).toMatchObject({ deptId: cast.billing.id, staffId: null, status: "open", closedAt: null });
    const refs = await db.select().from(ticketReferrals).where(eq(ticketReferrals.ticketId, t.id));
    expect(refs.map((r) => [r.kind, r.targetId])).toEqual([["department", cast.support.id]]);
    // agentA (Support) still sees it through the referral
    expect((await api(cast.agentA).get(GET, u(t), p(t))).status).toBe(200);
  });

  it("keeps an assignee who works in the new department", async () => {
    const both = await createStaff(db, { deptIds: [cast.support.id, cast.billing.id] });
    const t = await createTicket(db, { deptId: cast.support.id, staffId: both.id });
    await api(cast.manager).post(transfer, u(t, "transfer"), p(t), { deptId: cast.billing.id });
    expect((await row(t.id)).staffId).toBe(both.id);
  });

  it.each([
    ["to a department the caller does not work in", () => cast.billing.id, 403, "You do not work in Billing"],
    ["to the same department", () => cast.support.id, 409, "is already in Support"],
    ["to an unknown department", () => 99999, 400, "Unknown department"],
  ])("refuses a transfer %s", async (_n, dept, status, message) => {
    const t = await createTicket(db, { deptId: cast.support.id });
    const res = await api(cast.agentA).post(transfer, u(t, "transfer"), p(t), { deptId: dept() });
    expect(res.status).toBe(status);
    expect(res.json.message).toContain(message);
  });
});

describe("POST /tickets/{tid}/transfer by someone outside the ticket's department", () => {
  it("refuses a referred agent moving the ticket into their own department (403), and the ticket stays", async () => {
    const referee = await createStaff(db, { deptIds: [cast.billing.id], name: "Billing Referee" });
    const t = await createTicket(db, { deptId: cast.support.id });
    await db.insert(ticketReferrals).values({ ticketId: t.id, kind: "staff", targetId: referee.id });
    expect((await api(referee).get(GET, u(t), p(t))).status).toBe(200);
    const res = await api(referee).post(transfer, u(t, "transfer"), p(t), { deptId: cast.billing.id });
    expect(res.status).toBe(403);
    expect(res.json.message).toBe(`Only members of Support or an admin can transfer ticket #${t.number}`);
    expect(await row(t.id)).toMatchObject({ deptId: cast.support.id, version: t.version });
  });

  it("refuses an assignee who does not work in the ticket's department", async () => {
    const outsider = await createStaff(db, { deptIds: [cast.billing.id], name: "Billing Assignee" });
    const t = await createTicket(db, { deptId: cast.support.id, staffId: outsider.id });
    const res = await api(outsider).post(transfer, u(t, "transfer"), p(t), { deptId: cast.billing.id });
    expect(res.status).toBe(403);
    expect((await row(t.id)).deptId).toBe(cast.support.id);
  });

  it("lets an admin move a ticket of any department", async () => {
    const t = await createTicket(db, { deptId: cast.support.id });
    const res = await api(cast.admin).post(transfer, u(t, "transfer"), p(t), { deptId: cast.billing.id });
    expect(res.status).toBe(200);
    expect((await row(t.id)).deptId).toBe(cast.billing.id);
  });
});

describe("POST|DELETE /tickets/{tid}/refer", () => {
  it("grants sight to a staff member, a team or a department, and removes it", async () => {
    const team = await createTeam(db, "Refer team");
    const teamMate = await createStaff(db, { teamIds: [team.id] });
    const t = await createTicket(db, { deptId: cast.support.id });
    expect((await api(cast.agentB).get(GET, u(t), p(t))).status).toBe(404);
    const res = await api(cast.agentA).post(refer, u(t, "refer"), p(t), { to: `s${cast.agentB.id}` });
    expect(res.status).toBe(200);
    expect(res.json.message).toBe("Referred to Blair Agent");
    expect((await api(cast.agentB).get(GET, u(t), p(t))).status).toBe(200);
    expect((await api(cast.agentA).post(refer, u(t, "refer"), p(t), { to: `s${cast.agentB.id}` })).status).toBe(409);
    expect((await api(cast.agentA).del(unrefer, `${u(t, "refer")}?to=s${cast.agentB.id}`, p(t))).status).toBe(200);
    expect((await api(cast.agentB).get(GET, u(t), p(t))).status).toBe(404);
    await api(cast.agentA).post(refer, u(t, "refer"), p(t), { to: `t${team.id}` });
    expect((await api(teamMate).get(GET, u(t), p(t))).status).toBe(200);
    await api(cast.agentA).post(refer, u(t, "refer"), p(t), { to: `d${cast.billing.id}` });
    expect((await api(cast.agentB).get(GET, u(t), p(t))).status).toBe(200);
    expect((await api(cast.agentA).del(unrefer, u(t, "refer"), p(t), { to: `d${cast.billing.id}` })).status).toBe(200);
  });

  it.each([
    ["an unknown staff member", "s99999", 400],
    ["a deactivated staff member", "inactive", 400],
    ["nonsense", "x", 400],
  ])("refuses %s", async (_n, to, status) => {
    const t = await createTicket(db, { deptId: cast.support.id });
    const target = to === "inactive" ? `s${cast.inactive.id}` : to;
    const res = await api(cast.agentA).post(refer, u(t, "refer"), p(t), { to: target });
    expect(res.status).toBe(status);
    expect(Object.keys(res.json.errors!)).toEqual(["to"]);
  });

  it("answers 404 when removing a referral that does not exist", async () => {
    const t = await createTicket(db, { deptId: cast.support.id });
    expect((await api(cast.agentA).del(unrefer, `${u(t, "refer")}?to=s1`, p(t))).status).toBe(404);
  });
});

describe("DELETE /tickets/{tid} and restore", () => {
  it("hides a deleted ticket and restores it with its previous status", async () => {
    const t = await createTicket(db, { deptId: cast.support.id, status: "awaiting_client" });
    expect((await api(cast.agentA).del(DELETE, u(t), p(t))).status).toBe(403);
    expect((await api(cast.manager).del(DELETE, u(t), p(t))).status).toBe(200);
    expect(await row(t.id)).toMatchObject({ status: "deleted" });
    expect((await api(cast.manager).del(DELETE, u(t), p(t))).status).toBe(404);
    expect((await api(cast.manager).post(restore, u(t, "restore"), p(t))).status).toBe(403);
    const res = await api(cast.admin).post(restore, u(t, "restore"), p(t));
    expect(res.status).toBe(200);
    expect(await row(t.id)).toMatchObject({ status: "awaiting_client", deletedAt: null });
    expect((await api(cast.admin).post(restore, u(t, "restore"), p(t))).status).toBe(409);
  });

  it("refuses to restore after the retention period with 410", async () => {
    const t = await createTicket(db, { deptId: cast.support.id });
    await db.update(tickets).set({ status: "deleted", deletedAt: new Date(Date.now() - 31 * 86_400_000) }).where(and(eq(tickets.id, t.id)));
    const res = await api(cast.admin).post(restore, u(t, "restore"), p(t));
    expect(res.status).toBe(410);
    expect(res.json.message).toMatch(/more than 30 days ago/);
  });
});
