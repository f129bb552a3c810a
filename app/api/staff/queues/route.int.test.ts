// Queues: system queues with live counts in each caller's scope, saved queues (criteria round
// trip, ownership and visibility), and their ticket pages.
import { and, eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "@/db/testing";
import { events, priorities, queues, tickets } from "@/db/schema";
import { loadSessionStaff } from "@/lib/auth";
import { type QueueView, listQueues, systemQueue } from "@/lib/queues";
import { type ListPage, criteriaSchema, refineCriteria } from "@/lib/search";
import { type PgCursor, encodeCursor } from "@/lib/search/cursor";
import { setupTestAuth } from "@/test/auth";
import { api } from "@/test/staff-api";
import { type Cast, createStaff, createTeam, seedStaffCast } from "@/test/staff-factory";
import { createTicket } from "@/test/ticket-factory";
import { DELETE, GET as getOne, PUT } from "./[id]/route";
import { GET as exportCsv } from "../tickets/export/route";
import { GET as queueTickets } from "./[id]/tickets/route";
import { GET, POST } from "./route";

setupTestAuth();
const { db } = await createTestDb();
let cast: Cast;
type Listed = QueueView & { count: number };
const list = async (as: Parameters<typeof api>[0]) => {
  const res = await api(as).get<{ items: Listed[] }>(GET, "/api/staff/queues");
  expect(res.status).toBe(200);
  return res.json.data!.items;
};
const countsOf = async (as: Parameters<typeof api>[0]) => Object.fromEntries((await list(as)).map((q) => [q.id, q.count]));

beforeAll(async () => {
  cast = await seedStaffCast(db);
  const team = await createTeam(db, "Escalations", [cast.agentA.id]);
  const prios = await db.select().from(priorities);
  const s = cast.support.id;
  const b = cast.billing.id;
  // A spread over every system queue's dimensions, in both departments.
  const specs: Array<[Parameters<typeof createTicket>[1], Partial<typeof tickets.$inferInsert>?]> = [
    [{ deptId: s }],
    [{ deptId: s, staffId: cast.agentA.id }, { aiUrgency: 20, aiUrgencyLevel: "low" }],
    [{ deptId: s, staffId: cast.agentA.id }, { aiUrgency: 90, aiUrgencyLevel: "critical" }],
    [{ deptId: s, staffId: cast.agentA.id, priorityId: prios[0].id }],
    [{ deptId: s, staffId: cast.agentA.id, priorityId: prios[3].id }],
    [{ deptId: s, teamId: team.id }],
    [{ deptId: s, status: "closed" }],
    [{ deptId: s, status: "resolved" }, { docsRequired: true }],
    [{ deptId: s }, { isOverdue: true }],
    [{ deptId: s }, { isAnswered: true }],
    [{ deptId: s, status: "awaiting_client" }, { docsRequired: true, docsAcknowledgedAt: new Date() }],
    [{ deptId: b }],
    [{ deptId: b, status: "archived" }],
    [{ deptId: b }, { isOverdue: true, isAnswered: true }],
    [{ deptId: b, staffId: cast.agentB.id }, { docsRequired: true }],
    [{ deptId: s }, { status: "deleted", deletedAt: new Date() }],
  ];
  const base = Date.now() - 86_400_000;
  for (const [i, [spec, patch]] of specs.entries()) {
    const t = await createTicket(db, { subject: `Queue ticket ${i}`, createdAt: new Date(base + i * 60_000), ...spec });
    if (patch) await db.update(tickets).set(patch).where(eq(tickets.id, t.id));
    if (i === 0 || i === 12) await db.insert(events).values({ entityType: "ticket", entityId: t.id, ticketId: t.id, action: "escalated" });
  }
});

describe("GET /queues", () => {
  it("lists the system queues with stable ids", async () => {
    expect((await list(cast.agentA)).map((q) => q.id)).toEqual(["open", "mine", "team", "unassigned", "overdue", "answered", "closed", "escalated", "docs-required"]);
  });

  it("counts each system queue exactly as its ticket list does, in the caller's scope", async () => {
    for (const who of [cast.agentA, cast.agentB, cast.manager, cast.admin]) {
      const queues = await list(who);
      for (const q of queues) {
        const page = await api(who).get<ListPage>(queueTickets, `/api/staff/queues/${q.id}/tickets?limit=100`, { id: String(q.id) });
        expect(page.status).toBe(200);
        expect(page.json.data!.items.length, `${who.email} ${q.id}`).toBe(q.count);
        expect(page.json.data!.total).toBe(q.count);
      }
    }
    expect(await countsOf(cast.agentA)).toEqual({ open: 9, mine: 4, team: 1, unassigned: 4, overdue: 1, answered: 1, closed: 2, escalated: 1, "docs-required": 1 });
    expect(await countsOf(cast.agentB)).toEqual({ open: 3, mine: 1, team: 0, unassigned: 2, overdue: 1, answered: 1, closed: 1, escalated: 0, "docs-required": 1 });
  });

  it("counts change with the tickets (the trigger-kept summary), including referrals", async () => {
    const before = await countsOf(cast.agentB);
    const t = await createTicket(db, { deptId: cast.billing.id });
    expect((await countsOf(cast.agentB)).open).toBe(before.open + 1);
    await db.update(tickets).set({ status: "closed" }).where(eq(tickets.id, t.id));
    const after = await countsOf(cast.agentB);
    expect([after.open, after.closed]).toEqual([before.open, before.closed + 1]);
    const { ticketReferrals } = await import("@/db/schema");
    const [supportTicket] = await db.select().from(tickets).where(and(eq(tickets.deptId, cast.support.id), eq(tickets.subject, "Queue ticket 0")));
    await db.insert(ticketReferrals).values({ ticketId: supportTicket.id, kind: "department", targetId: cast.billing.id });
    const referred = await countsOf(cast.agentB);
    expect([referred.open, referred.unassigned, referred.escalated]).toEqual([before.open + 1, before.unassigned + 1, 1]);
  });

  it("orders 'mine' by AI urgency, then last update, then priority", async () => {
    const page = await api(cast.agentA).get<ListPage>(queueTickets, "/api/staff/queues/mine/tickets", { id: "mine" });
    const items = page.json.data!.items;
    expect(items.map((i) => i.aiUrgency)).toEqual([90, 20, null, null]);
    expect(items[2].updatedAt > items[3].updatedAt).toBe(true);
  });
});

describe("saved queues", () => {
  const body = {
    name: "Billing overdue",
    criteria: { q: "invoice", status: ["any_open"], deptId: [2], assignee: ["me", "t3"], overdue: true, createdFrom: "-30d", sort: "due", order: "asc" },
    columns: ["number", "subject", "due"],
    shared: false,
  };

  it("keeps criteria, columns and sort through a round trip", async () => {
    const res = await api(cast.agentA).post<QueueView>(POST, "/api/staff/queues", {}, body);
    expect(res.status).toBe(201);
    const got = await api(cast.agentA).get<QueueView>(getOne, `/api/staff/queues/${res.json.data!.id}`, { id: String(res.json.data!.id) });
    expect(got.json.data!).toMatchObject({ name: body.name, kind: "personal", columns: body.columns, canEdit: true, owner: { id: cast.agentA.id } });
    expect(got.json.data!.criteria).toEqual({ ...body.criteria, assignee: ["me", "t3"] });
    const [evt] = await db.select().from(events).where(and(eq(events.entityType, "queue"), eq(events.entityId, res.json.data!.id as number)));
    expect(evt.action).toBe("created");
  });

  it("names bad criteria and columns", async () => {
    const res = await api(cast.agentA).post(POST, "/api/staff/queues", {}, { name: "x", criteria: { status: ["pending"], colour: "red" }, columns: ["number", "password"] });
    expect(res.status).toBe(400);
    expect(Object.keys(res.json.errors!).sort()).toEqual(["columns.1", "criteria", "criteria.status.0"]);
    expect(res.json.errors!.criteria).toMatch(/colour/);
    expect((await api(cast.agentA).post(POST, "/api/staff/queues", {}, { criteria: {} })).json.errors).toHaveProperty("name");
  });

  it("personal queues are the owner's alone; shared ones are seen by all, changed by owner or admin", async () => {
    const mine = (await api(cast.agentA).post<QueueView>(POST, "/api/staff/queues", {}, { name: "Private", criteria: { status: "open" } })).json.data!;
    const shared = (await api(cast.agentA).post<QueueView>(POST, "/api/staff/queues", {}, { name: "Team view", criteria: { status: "any_open" }, shared: true })).json.data!;
    const pid = { id: String(mine.id) };
    const sid = { id: String(shared.id) };
    const b = api(cast.agentB);
    expect((await list(cast.agentB)).map((q) => q.name)).toContain("Team view");
    expect((await list(cast.agentB)).map((q) => q.name)).not.toContain("Private");
    expect((await b.get(getOne, `/api/staff/queues/${mine.id}`, pid)).status).toBe(404);
    expect((await b.get(queueTickets, `/api/staff/queues/${mine.id}/tickets`, pid)).status).toBe(404);
    expect((await b.del(DELETE, `/api/staff/queues/${mine.id}`, pid)).status).toBe(404);
    const denied = await b.put(PUT, `/api/staff/queues/${shared.id}`, sid, { name: "Hijacked" });
    expect(denied.status).toBe(403);
    expect(denied.json.message).toMatch(/Only Alex Agent or an admin/);
    // The shared queue shows each viewer their own scope.
    const bPage = await b.get<ListPage>(queueTickets, `/api/staff/queues/${shared.id}/tickets?limit=100`, sid);
    // (Queue ticket 0 was referred to Billing above.)
    expect(bPage.json.data!.items.every((i) => i.department.id === cast.billing.id || i.subject === "Queue ticket 0")).toBe(true);
    const edited = await api(cast.admin).put<QueueView>(PUT, `/api/staff/queues/${shared.id}`, sid, { name: "Renamed by admin", shared: false });
    expect(edited.status).toBe(200);
    expect(edited.json.data!).toMatchObject({ name: "Renamed by admin", kind: "personal" });
    expect((await api(cast.admin).del(DELETE, `/api/staff/queues/${shared.id}`, sid)).status).toBe(200);
    expect((await api(cast.agentA).get(getOne, `/api/staff/queues/${shared.id}`, sid)).status).toBe(404);
    expect((await api(cast.agentA).del(DELETE, `/api/staff/queues/${mine.id}`, pid)).status).toBe(200);
  });

  it("system queues cannot be edited or deleted", async () => {
    for (const res of [
      await api(cast.admin).put(PUT, "/api/staff/queues/open", { id: "open" }, { name: "Mine now" }),
      await api(cast.admin).del(DELETE, "/api/staff/queues/open", { id: "open" }),
    ]) {
      expect(res.status).toBe(403);
      expect(res.json.message).toMatch(/built-in queue/);
    }
    expect((await api(cast.admin).get(getOne, "/api/staff/queues/nope", { id: "nope" })).status).toBe(404);
  });

  it("pages a saved queue's tickets with a cursor, without gaps or repeats", async () => {
    const agent = await createStaff(db, { deptIds: [cast.support.id] });
    const made: number[] = [];
    for (let i = 0; i < 9; i++) made.push((await createTicket(db, { deptId: cast.support.id, staffId: agent.id, subject: `paged ${i}` })).id);
    const q = (await api(agent).post<QueueView>(POST, "/api/staff/queues", {}, { name: "Paged", criteria: { assignee: "me", sort: "created", order: "asc" } })).json.data!;
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const res: { json: { data?: ListPage } } = await api(agent).get<ListPage>(queueTickets, `/api/staff/queues/${q.id}/tickets?limit=4${cursor ? `&cursor=${cursor}` : ""}`, { id: String(q.id) });
      seen.push(...res.json.data!.items.map((i) => i.id));
      expect(res.json.data!.total).toBe(9);
      cursor = res.json.data!.nextCursor;
    } while (cursor);
    expect(seen).toEqual(made);
    const inDb = await db.select({ n: sql<number>`count(*)::int` }).from(tickets).where(inArray(tickets.id, made));
    expect(inDb[0].n).toBe(9);
  });
});

describe("GET /queues/{id}/tickets with criteria (the panel's filters)", () => {
  const page = (as: Parameters<typeof api>[0], id: string, qs: string) => api(as).get<ListPage>(queueTickets, `/api/staff/queues/${id}/tickets?${qs}`, { id });

  it("a crafted or mismatched cursor is a 400 naming the cursor", async () => {
    const base = systemQueue("open")!.criteria;
    const cases: Array<[string, PgCursor]> = [
      ["limit=2", { e: "pg", v: [] }],
      ["limit=2", { e: "pg", v: ["2024-05-01 10:00:00+00"] }],
      ["limit=2", { e: "pg", v: ["2024-05-01 10:00:00+00", "x"] }],
      ["q=outlook&limit=2", { e: "pg", t: 2, v: [] }],
    ];
    for (const [qs, body] of cases) {
      const refine = criteriaSchema.parse(Object.fromEntries(new URLSearchParams(qs.replace(/&?limit=2/, ""))));
      const cursor = encodeCursor(refineCriteria(base, refine), body);
      const res = await page(cast.manager, "open", `${qs}&cursor=${cursor}`);
      expect([res.status, res.json.errors], `${qs} ${JSON.stringify(body)}`).toEqual([400, { cursor: expect.stringMatching(/^not a cursor of this list/) }]);
    }
  });

  it("criteria given replace the queue's for those keys, in the caller's scope", async () => {
    const overdue = await page(cast.agentA, "open", "overdue=true&limit=100");
    expect(overdue.status).toBe(200);
    expect(overdue.json.data!.items.map((i) => i.isOverdue)).toEqual([true]);
    // "mine" keeps its assignee and status, the priority narrows it.
    const prios = await db.select().from(priorities);
    const urgentMine = await page(cast.agentA, "mine", `priorityId=${prios[3].id}`);
    expect(urgentMine.json.data!.items.map((i) => i.priority.id)).toEqual([prios[3].id]);
    // The status given replaces the queue's any_open.
    const closedOpen = await page(cast.agentA, "open", "status=closed&limit=100");
    expect(closedOpen.json.data!.items.every((i) => i.status === "closed")).toBe(true);
    expect(closedOpen.json.data!.total).toBeGreaterThan(0);
    // Another department's tickets stay out, whatever the filter names.
    const billing = await page(cast.agentA, "open", `deptId=${cast.billing.id}`);
    expect(billing.json.data!.total).toBe(0);
  });

  it("a refined queue pages with its own cursor; bad values name the field", async () => {
    const first = await page(cast.manager, "open", "sort=number&limit=2");
    const second = await page(cast.manager, "open", `sort=number&limit=2&cursor=${first.json.data!.nextCursor}`);
    expect(second.status).toBe(200);
    const numbers = [...first.json.data!.items, ...second.json.data!.items].map((i) => i.number);
    expect(numbers).toEqual([...numbers].sort());
    // The cursor belongs to that sort: another one is refused.
    expect((await page(cast.manager, "open", `sort=subject&limit=2&cursor=${first.json.data!.nextCursor}`)).status).toBe(400);
    const bad = await page(cast.manager, "open", "status=lost");
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.errors ?? {})).toEqual(["status.0"]);
  });
});

// A hostile-input pass: one agent's shared queue must not break the queue list for everyone.
describe("queues that cannot be counted", () => {
  const shared = (criteria: Record<string, unknown>) => ({ name: "bomb", shared: true, criteria });

  it("refuses criteria the database cannot take, naming the field", async () => {
    for (const [criteria, field] of [
      [{ assignee: ["s9999999999"] }, "criteria.assignee.0"],
      [{ assignee: "t2147483648" }, "criteria.assignee.0"],
      [{ deptId: ["0x10"] }, "criteria.deptId.0"],
      [{ createdTo: "9999-12-31" }, "criteria.createdTo"],
      [{ createdFrom: "0000-01-01" }, "criteria.createdFrom"],
      [{ dueFrom: "2024-02-30" }, "criteria.dueFrom"],
      [{ updatedFrom: "-99999w" }, "criteria.updatedFrom"],
    ] as const) {
      const res = await api(cast.agentA).post(POST, "/api/staff/queues", {}, shared(criteria));
      expect([res.status, Object.keys(res.json.errors ?? {})], JSON.stringify(criteria)).toEqual([400, [field]]);
      const edit = await api(cast.agentA).put(PUT, "/api/staff/queues/1", { id: "1" }, { criteria });
      expect(edit.status).toBe(400);
    }
    expect((await list(cast.agentB)).map((q) => q.name)).not.toContain("bomb");
  });

  it("lists a saved queue whose stored criteria no longer parse, without a count, so it can be deleted", async () => {
    // Saved before the schema refused these values.
    const stored = await db
      .insert(queues)
      .values([
        { name: "bomb assignee", ownerId: cast.agentA.id, isShared: true, criteria: { assignee: ["s9999999999"] } },
        { name: "bomb date", ownerId: cast.agentA.id, isShared: true, criteria: { createdTo: "9999-12-31" } },
      ])
      .returning();
    const listed = await list(cast.agentB);
    const byName = new Map(listed.map((q) => [q.name, q]));
    expect(byName.get("bomb assignee")).toMatchObject({ count: null, countExact: false, criteria: {}, criteriaErrors: { "criteria.assignee.0": expect.any(String) } });
    expect(byName.get("bomb date")).toMatchObject({ count: null, criteriaErrors: { "criteria.createdTo": expect.any(String) } });
    expect(listed.find((q) => q.id === "open")!.count).toEqual(expect.any(Number));
    // Its tickets (and an export of it) are a 400 naming the criteria, not a page of every ticket.
    const id = String(stored[0].id);
    const page = await api(cast.agentB).get(queueTickets, `/api/staff/queues/${id}/tickets`, { id });
    expect([page.status, Object.keys(page.json.errors ?? {})]).toEqual([400, ["criteria.assignee.0"]]);
    expect(page.json.message).toMatch(/no longer valid/);
    const csv = await api(cast.admin).get(exportCsv, `/api/staff/tickets/export?queue=${id}`);
    expect([csv.status, Object.keys(csv.json.errors ?? {})]).toEqual([400, ["criteria.assignee.0"]]);
    // Its owner fixes one and deletes the other.
    const fixed = await api(cast.agentA).put<QueueView>(PUT, `/api/staff/queues/${id}`, { id }, { criteria: { assignee: ["me"] } });
    expect([fixed.status, fixed.json.data!.criteriaErrors]).toEqual([200, undefined]);
    const other = String(stored[1].id);
    expect((await api(cast.agentA).get<QueueView>(getOne, `/api/staff/queues/${other}`, { id: other })).json.data!.criteriaErrors).toBeDefined();
    expect((await api(cast.agentA).del(DELETE, `/api/staff/queues/${other}`, { id: other })).status).toBe(200);
    expect((await api(cast.agentA).del(DELETE, `/api/staff/queues/${id}`, { id })).status).toBe(200);
  });

  it("a count the database refuses is unknown (null); the other queues keep theirs", async () => {
    // Valid today, but far in the future "+99999w" lands past year 9999, which PostgreSQL refuses.
    const q = (await api(cast.agentA).post<QueueView>(POST, "/api/staff/queues", {}, shared({ createdFrom: "+99999w" }))).json.data!;
    const actor = (await loadSessionStaff(db, cast.agentB.id))!;
    const later = await listQueues(db, actor, new Date(Date.UTC(9000, 0, 1)));
    expect(later.find((x) => x.id === q.id)).toMatchObject({ count: null, countExact: false });
    expect(later.find((x) => x.id === "open")!.count).toBe((await countsOf(cast.agentB)).open);
    expect((await api(cast.agentA).del(DELETE, `/api/staff/queues/${q.id}`, { id: String(q.id) })).status).toBe(200);
  });
});
