// Assign, claim and release; concurrent claims; case 22 (concurrent assignment with If-Match).
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "@/db/testing";
import { events, outboundMail, tickets } from "@/db/schema";
import { setupTestAuth } from "@/test/auth";
import { setIntakeEnv } from "@/test/intake-env";
import { scaled } from "@/test/scale";
import { api } from "@/test/staff-api";
import { type Cast, createStaff, createTeam, seedStaffCast } from "@/test/staff-factory";
import { createTicket } from "@/test/ticket-factory";
import { POST as claim } from "../claim/route";
import { POST as release } from "../release/route";
import { POST as assign } from "./route";

setIntakeEnv();
setupTestAuth();
const { db } = await createTestDb();
let cast: Cast;
beforeAll(async () => {
  cast = await seedStaffCast(db);
});

const p = (t: { id: number }) => ({ tid: String(t.id) });
const url = (t: { id: number }, op: string) => `/api/staff/tickets/${t.id}/${op}`;
const row = async (id: number) => (await db.select().from(tickets).where(eq(tickets.id, id)))[0];
const eventsOf = (id: number, action: string) => db.select().from(events).where(and(eq(events.ticketId, id), eq(events.action, action)));

describe("POST /tickets/{tid}/assign", () => {
  it.each([["s", (id: number) => `s${id}`], ["bare number", (id: number) => id]])("assigns to staff (%s) and records the event", async (_n, ref) => {
    const t = await createTicket(db, { deptId: cast.support.id });
    const res = await api(cast.manager).post(assign, url(t, "assign"), p(t), { assignee: ref(cast.agentA.id), comment: "Yours" });
    expect(res.status).toBe(200);
    expect(res.json.data).toMatchObject({ staffId: cast.agentA.id, version: 2 });
    const [ev] = await eventsOf(t.id, "assigned");
    expect(ev).toMatchObject({ staffId: cast.manager.id, before: { staffId: null, teamId: null }, after: { staffId: cast.agentA.id, teamId: null } });
  });

  it("assigns to a team", async () => {
    const team = await createTeam(db, "Tier 2");
    const t = await createTicket(db, { deptId: cast.support.id });
    const res = await api(cast.agentA).post(assign, url(t, "assign"), p(t), { assignee: `t${team.id}` });
    expect(res.status).toBe(200);
    expect((await row(t.id)).teamId).toBe(team.id);
  });

  it("records assigning oneself as a claim", async () => {
    const t = await createTicket(db, { deptId: cast.support.id });
    await api(cast.agentA).post(assign, url(t, "assign"), p(t), { assignee: `s${cast.agentA.id}` });
    expect(await eventsOf(t.id, "claimed")).toHaveLength(1);
  });

  it.each([
    ["an agent of another department", () => `s${cast.agentB.id}`, 400, () => ({ assignee: "Blair Agent does not work in Support" })],
    ["a deactivated agent", () => `s${cast.inactive.id}`, 400, () => ({ assignee: `No active staff member ${cast.inactive.id}` })],
    ["an unknown team", () => "t99999", 400, () => ({ assignee: "No active team 99999" })],
    ["nonsense", () => "x1", 400, () => ({ assignee: 'Use "s<staffId>" or "t<teamId>"' })],
  ])("refuses %s", async (_name, ref, status, errorsOf) => {
    const errors = errorsOf();
    const t = await createTicket(db, { deptId: cast.support.id });
    const res = await api(cast.manager).post(assign, url(t, "assign"), p(t), { assignee: ref() });
    expect(res.status).toBe(status);
    expect(res.json.errors).toEqual(errors);
    expect((await row(t.id)).version).toBe(1);
  });

  it("refuses assigning to the current assignee with 409", async () => {
    const t = await createTicket(db, { deptId: cast.support.id, staffId: cast.agentA.id });
    const res = await api(cast.manager).post(assign, url(t, "assign"), p(t), { assignee: `s${cast.agentA.id}` });
    expect(res.status).toBe(409);
    expect(res.json.message).toMatch(/already assigned to Alex Agent/);
  });
});

describe("POST /tickets/{tid}/claim", () => {
  it("claims an unassigned open ticket", async () => {
    const t = await createTicket(db, { deptId: cast.support.id });
    const res = await api(cast.agentA).post(claim, url(t, "claim"), p(t));
    expect(res.status).toBe(200);
    expect((await row(t.id)).staffId).toBe(cast.agentA.id);
  });

  it("refuses a closed ticket, and an agent outside the department who was only referred", async () => {
    const closed = await createTicket(db, { deptId: cast.support.id, status: "closed" });
    expect((await api(cast.agentA).post(claim, url(closed, "claim"), p(closed))).status).toBe(409);
    const t = await createTicket(db, { deptId: cast.support.id });
    await db.execute(sql`INSERT INTO ticket_referrals (ticket_id, kind, target_id) VALUES (${t.id}, 'staff', ${cast.agentB.id})`);
    const res = await api(cast.agentB).post(claim, url(t, "claim"), p(t));
    expect(res.status).toBe(403);
    expect(res.json.message).toMatch(/do not work in Support/);
  });

  it("lets exactly one of many parallel claims win; the others get 409 naming the winner", async () => {
    const n = scaled(50, 20);
    const agents = await Promise.all(Array.from({ length: n }, (_, i) => createStaff(db, { deptIds: [cast.support.id], name: `Racer ${i}` })));
    const t = await createTicket(db, { deptId: cast.support.id });
    const results = await Promise.all(agents.map((a) => api(a).post(claim, url(t, "claim"), p(t))));
    const winners = results.filter((r) => r.status === 200);
    expect(winners).toHaveLength(1);
    const owner = (await row(t.id)).staffId!;
    const winnerName = agents.find((a) => a.id === owner)!.name;
    for (const r of results.filter((r) => r.status !== 200)) {
      expect(r.status).toBe(409);
      expect(r.json.message).toBe(`Ticket #${t.number} is already assigned to ${winnerName}`);
      expect(r.json.data).toMatchObject({ assignee: { staff: { id: owner, name: winnerName } } });
    }
    expect(await eventsOf(t.id, "claimed")).toHaveLength(1);
  });
});

describe("POST /tickets/{tid}/release", () => {
  it("unassigns staff and team by default, only what is asked otherwise, and 409 when nothing is assigned", async () => {
    const team = await createTeam(db, "Release team");
    const t = await createTicket(db, { deptId: cast.support.id, staffId: cast.agentA.id, teamId: team.id });
    const staffOnly = await api(cast.agentA).post(release, url(t, "release"), p(t), { staff: true });
    expect(staffOnly.json.data).toMatchObject({ staffId: null, teamId: team.id });
    const all = await api(cast.agentA).post(release, url(t, "release"), p(t), {});
    expect(all.json.data).toMatchObject({ staffId: null, teamId: null });
    const again = await api(cast.agentA).post(release, url(t, "release"), p(t), {});
    expect(again.status).toBe(409);
    expect(again.json.message).toMatch(/Nothing to release/);
  });
});

// Case 22 (test/fixtures/cases/22-concurrent-assignment): two agents assign the same ticket at
// once with If-Match; exactly one wins, the other gets 409 saying who owns it now.
describe("case 22: concurrent assignment with If-Match", () => {
  it("one 200 and one 409 per race, one assigned event, loser told the owner (20 races)", async () => {
    const agent2 = await createStaff(db, { deptIds: [cast.support.id], name: "Second Agent" });
    for (let i = 0; i < 20; i++) {
      const t = await createTicket(db, { deptId: cast.support.id });
      const v1 = `"${t.version}"`;
      const [a, b] = await Promise.all([
        api(cast.agentA).post(assign, url(t, "assign"), p(t), { assignee: `s${cast.agentA.id}` }, { "if-match": v1 }),
        api(agent2).post(assign, url(t, "assign"), p(t), { assignee: `s${agent2.id}`, expectedVersion: t.version }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const winner = a.status === 200 ? cast.agentA : agent2;
      const loser = a.status === 200 ? b : a;
      expect((await row(t.id)).staffId).toBe(winner.id);
      expect(loser.json.message).toContain(`assigned to ${winner.name}`);
      expect(loser.json.data).toMatchObject({ version: 2, assignee: { staff: { id: winner.id } } });
      const assigned = await db.select().from(events).where(and(eq(events.ticketId, t.id), sql`${events.action} IN ('assigned', 'claimed')`));
      expect(assigned).toHaveLength(1);
    }
  });

  it("sends exactly one assignment notification per successful assignment, none for the loser", async () => {
    // Two managers assign the same ticket to different agents at once. (Assigning oneself, as
    // in the race above, notifies nobody: the assignee is the one who acted.)
    const agent2 = await createStaff(db, { deptIds: [cast.support.id], name: "Third Agent" });
    const manager2 = await createStaff(db, { role: "manager", deptIds: [cast.support.id] });
    for (let i = 0; i < 5; i++) {
      const t = await createTicket(db, { deptId: cast.support.id });
      const [a, b] = await Promise.all([
        api(cast.manager).post(assign, url(t, "assign"), p(t), { assignee: `s${cast.agentA.id}` }, { "if-match": `"${t.version}"` }),
        api(manager2).post(assign, url(t, "assign"), p(t), { assignee: `s${agent2.id}` }, { "if-match": `"${t.version}"` }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const winner = a.status === 200 ? cast.agentA : agent2;
      const mails = await db.select().from(outboundMail).where(and(eq(outboundMail.ticketId, t.id), eq(outboundMail.kind, "notification")));
      expect(mails.map((m) => m.to)).toEqual([[winner.email]]);
      expect(mails[0].subject).toContain(`[#${t.number}]`);
    }
  });

  it("applies a change sent without a version (last write wins) and logs it", async () => {
    const t = await createTicket(db, { deptId: cast.support.id, staffId: cast.agentA.id });
    const res = await api(cast.manager).post(assign, url(t, "assign"), p(t), { assignee: `s${cast.manager.id}` });
    expect(res.status).toBe(200);
    expect(await eventsOf(t.id, "claimed")).toHaveLength(1);
  });

  it("B: opening a ticket never re-assigns it (GET has no side effects)", async () => {
    const { GET } = await import("../route");
    const t = await createTicket(db, { deptId: cast.support.id, staffId: cast.agentA.id });
    const agent2 = await createStaff(db, { deptIds: [cast.support.id] });
    await api(agent2).get(GET, `/api/staff/tickets/${t.id}`, p(t));
    expect((await row(t.id)).staffId).toBe(cast.agentA.id);
  });
});
