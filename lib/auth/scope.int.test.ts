// The visibility scope as SQL: department, assignee, assigned team, referrals; admins see all.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "@/db/testing";
import { ticketReferrals, tickets } from "@/db/schema";
import { alias } from "drizzle-orm/pg-core";
import { type Cast, createStaff, createTeam, seedStaffCast } from "@/test/staff-factory";
import { createTicket } from "@/test/ticket-factory";
import { loadSessionStaff } from "./staff-context";
import { scopeOf, ticketVisible } from "./scope";

const { db } = await createTestDb();
let cast: Cast;
const t: Record<string, number> = {};
let teamAgent: { id: number };
let outsider: { id: number };

beforeAll(async () => {
  cast = await seedStaffCast(db);
  teamAgent = await createStaff(db, { deptIds: [] });
  outsider = await createStaff(db, { deptIds: [] });
  const team = await createTeam(db, "Escalations", [teamAgent.id]);
  const s = cast.support.id;
  const b = cast.billing.id;
  t.support = (await createTicket(db, { deptId: s })).id;
  t.billing = (await createTicket(db, { deptId: b })).id;
  t.billingAssignedToA = (await createTicket(db, { deptId: b, staffId: cast.agentA.id })).id;
  t.billingTeam = (await createTicket(db, { deptId: b, teamId: team.id })).id;
  t.billingReferredStaff = (await createTicket(db, { deptId: b })).id;
  t.billingReferredTeam = (await createTicket(db, { deptId: b })).id;
  t.billingReferredDept = (await createTicket(db, { deptId: b })).id;
  await db.insert(ticketReferrals).values([
    { ticketId: t.billingReferredStaff, kind: "staff", targetId: outsider.id },
    { ticketId: t.billingReferredTeam, kind: "team", targetId: team.id },
    { ticketId: t.billingReferredDept, kind: "department", targetId: s },
  ]);
});

async function visibleTo(staffId: number, table = tickets) {
  const who = (await loadSessionStaff(db, staffId))!;
  const found = await db.select({ id: table.id }).from(table).where(ticketVisible(scopeOf(who), table));
  const ids = new Set(found.map((r) => r.id));
  return Object.entries(t)
    .filter(([, id]) => ids.has(id))
    .map(([k]) => k)
    .sort();
}

describe("ticketVisible", () => {
  it("agent in Support: own department, assigned to them, referred to their department", async () => {
    expect(await visibleTo(cast.agentA.id)).toEqual(["billingAssignedToA", "billingReferredDept", "support"]);
  });

  it("agent in Billing: the Billing department only", async () => {
    expect(await visibleTo(cast.agentB.id)).toEqual(
      ["billing", "billingAssignedToA", "billingReferredDept", "billingReferredStaff", "billingReferredTeam", "billingTeam"].sort(),
    );
  });

  it("team member without departments: the team's tickets and referrals to the team", async () => {
    expect(await visibleTo(teamAgent.id)).toEqual(["billingReferredTeam", "billingTeam"]);
  });

  it("staff without departments: only what is referred to them", async () => {
    expect(await visibleTo(outsider.id)).toEqual(["billingReferredStaff"]);
  });

  it("admin: everything", async () => {
    expect((await visibleTo(cast.admin.id)).length).toBe(Object.keys(t).length);
  });

  it("works on an aliased tickets table", async () => {
    expect(await visibleTo(cast.agentA.id, alias(tickets, "tk") as unknown as typeof tickets)).toEqual(["billingAssignedToA", "billingReferredDept", "support"]);
  });

  it("uses the hashed subplan for referrals (no per-row subquery)", async () => {
    const who = (await loadSessionStaff(db, cast.agentA.id))!;
    const plan = await db.execute(sql`EXPLAIN SELECT id FROM tickets WHERE ${ticketVisible(scopeOf(who))}`);
    const text = JSON.stringify(plan);
    expect(text).toMatch(/hashed SubPlan/i);
  });
});
