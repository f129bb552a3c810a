// Merge (combine, separate) and link; the refusals; overlapping merges in parallel; case 20.
import { and, count, eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "@/db/testing";
import { threadEntries, ticketCollaborators, ticketLinks, tickets } from "@/db/schema";
import type { TicketDetail } from "@/lib/tickets";
import { setupTestAuth } from "@/test/auth";
import { createUser } from "@/test/factories";
import { scaled } from "@/test/scale";
import { api } from "@/test/staff-api";
import { type Cast, seedStaffCast } from "@/test/staff-factory";
import { addEntry, createTicket } from "@/test/ticket-factory";
import { GET } from "../route";
import { POST as merge } from "./route";

setupTestAuth();
const { db } = await createTestDb();
let cast: Cast;
beforeAll(async () => {
  cast = await seedStaffCast(db);
});

const row = async (id: number) => (await db.select().from(tickets).where(eq(tickets.id, id)))[0];
const doMerge = (parent: { id: number }, body: Record<string, unknown>, as = cast.agentA) =>
  api(as).post(merge, `/api/staff/tickets/${parent.id}/merge`, { tid: String(parent.id) }, body);
const view = async (id: number, as = cast.agentA) => (await api(as).get<TicketDetail>(GET, `/api/staff/tickets/${id}`, { tid: String(id) })).json.data!;
const at = (h: number, m = 0) => new Date(Date.UTC(2025, 2, 27, h, m));

describe("merge modes", () => {
  it("combine: the children's entries join the parent's thread in time order, marked with their origin", async () => {
    const owner = await createUser(db);
    const other = await createUser(db);
    const a = await createTicket(db, { deptId: cast.support.id, userId: owner.id, createdAt: at(9), message: "A1" });
    const b = await createTicket(db, { deptId: cast.support.id, userId: other.id, createdAt: at(8), message: "B1" });
    await addEntry(db, { ticketId: a.id, type: "response", staffId: cast.agentA.id, text: "A2", createdAt: at(12) });
    await addEntry(db, { ticketId: b.id, type: "message", userId: other.id, text: "B2", createdAt: at(10) });
    const res = await doMerge(a, { tids: [b.id] });
    expect(res.status).toBe(200);
    expect(res.json.message).toBe("1 ticket merged");
    const v = await view(a.id);
    expect(v.thread.map((e) => e.bodyText)).toEqual(["B1", "A1", "B2", "A2"]);
    expect(v.thread.map((e) => e.mergedFrom?.number ?? null)).toEqual([b.number, null, b.number, null]);
    expect(v.merged).toEqual([expect.objectContaining({ id: b.id, number: b.number, mode: "combine" })]);
    expect(v.collaborators.map((c) => c.userId)).toEqual([other.id]);
    expect(await row(b.id)).toMatchObject({ status: "closed", mergedIntoId: a.id, closedById: cast.agentA.id });
    const child = await view(b.id);
    expect(child.mergedInto).toEqual({ id: a.id, number: a.number });
    expect(child.thread).toEqual([]);
  });

  it("separate: the parent shows each child's entries as a group after its own", async () => {
    const a = await createTicket(db, { deptId: cast.support.id, createdAt: at(9), message: "A1" });
    const b = await createTicket(db, { deptId: cast.support.id, createdAt: at(8), message: "B1" });
    const c = await createTicket(db, { deptId: cast.support.id, createdAt: at(7), message: "C1" });
    await addEntry(db, { ticketId: a.id, type: "note", staffId: cast.agentA.id, text: "A2", createdAt: at(13) });
    expect((await doMerge(a, { tids: [b.id, c.id], mode: "separate", childStatus: "resolved" })).status).toBe(200);
    const v = await view(a.id);
    expect(v.thread.map((e) => e.bodyText)).toEqual(["A1", "A2", "B1", "C1"]);
    expect(v.thread.map((e) => e.group?.id ?? null)).toEqual([null, null, b.id, c.id]);
    expect((await row(b.id)).status).toBe("resolved");
  });

  it("link: relates the tickets and changes nothing else", async () => {
    const a = await createTicket(db, { deptId: cast.support.id });
    const b = await createTicket(db, { deptId: cast.support.id });
    const res = await doMerge(a, { tids: [b.id], mode: "link" });
    expect(res.json.message).toBe("Tickets linked");
    expect(await row(b.id)).toMatchObject({ status: "open", mergedIntoId: null });
    expect((await view(a.id)).linked.map((l) => l.id)).toEqual([b.id]);
    expect((await view(b.id)).linked.map((l) => l.id)).toEqual([a.id]);
    expect((await doMerge(a, { tids: [b.id], mode: "link" })).status).toBe(409);
  });

  it("participants: all also brings the children's collaborators", async () => {
    const a = await createTicket(db, { deptId: cast.support.id });
    const b = await createTicket(db, { deptId: cast.support.id });
    const cc = await createUser(db);
    await db.insert(ticketCollaborators).values({ ticketId: b.id, userId: cc.id });
    await doMerge(a, { tids: [b.id], participants: "all" });
    const collaborators = await db.select().from(ticketCollaborators).where(eq(ticketCollaborators.ticketId, a.id));
    expect(collaborators.map((c) => c.userId).sort()).toEqual([b.userId, cc.id].sort());
  });

  it("re-points tickets merged earlier into a child", async () => {
    const a = await createTicket(db, { deptId: cast.support.id });
    const b = await createTicket(db, { deptId: cast.support.id });
    const c = await createTicket(db, { deptId: cast.support.id });
    await doMerge(b, { tids: [c.id] });
    await doMerge(a, { tids: [b.id] });
    expect((await row(c.id)).mergedIntoId).toBe(a.id);
    const entries = await db.select().from(threadEntries).where(inArray(threadEntries.ticketId, [b.id, c.id]));
    expect(entries).toEqual([]);
  });
});

describe("merging tickets that are already linked", () => {
  const pairRows = (x: number, y: number) =>
    db
      .select({ parentId: ticketLinks.parentId, childId: ticketLinks.childId, kind: ticketLinks.kind })
      .from(ticketLinks)
      .where(sql`(${ticketLinks.parentId} = ${x} AND ${ticketLinks.childId} = ${y}) OR (${ticketLinks.parentId} = ${y} AND ${ticketLinks.childId} = ${x})`);

  it.each([
    ["linked from the parent", "parent"],
    ["linked from the child", "child"],
  ])("upgrades the link to the merge (%s)", async (_n, from) => {
    const a = await createTicket(db, { deptId: cast.support.id });
    const b = await createTicket(db, { deptId: cast.support.id });
    const linked = from === "parent" ? await doMerge(a, { tids: [b.id], mode: "link" }) : await doMerge(b, { tids: [a.id], mode: "link" });
    expect(linked.status).toBe(200);
    const res = await doMerge(a, { tids: [b.id], mode: "combine" });
    expect(res.status).toBe(200);
    expect(await pairRows(a.id, b.id)).toEqual([{ parentId: a.id, childId: b.id, kind: "combine" }]);
    expect((await row(b.id)).mergedIntoId).toBe(a.id);
    expect((await view(a.id)).merged.map((m) => m.id)).toEqual([b.id]);
  });

  it("replaces a link between the parent and a ticket merged earlier into the child", async () => {
    const a = await createTicket(db, { deptId: cast.support.id });
    const b = await createTicket(db, { deptId: cast.support.id });
    const c = await createTicket(db, { deptId: cast.support.id });
    expect((await doMerge(c, { tids: [a.id], mode: "link" })).status).toBe(200);
    expect((await doMerge(b, { tids: [c.id] })).status).toBe(200);
    expect((await doMerge(a, { tids: [b.id], mode: "separate" })).status).toBe(200);
    expect(await pairRows(a.id, c.id)).toEqual([{ parentId: a.id, childId: c.id, kind: "combine" }]);
    expect((await row(c.id)).mergedIntoId).toBe(a.id);
  });

  it("keeps the children's links to other tickets", async () => {
    const a = await createTicket(db, { deptId: cast.support.id });
    const b = await createTicket(db, { deptId: cast.support.id });
    const x = await createTicket(db, { deptId: cast.support.id });
    await doMerge(b, { tids: [x.id], mode: "link" });
    await doMerge(a, { tids: [b.id], mode: "link" });
    expect((await doMerge(a, { tids: [b.id] })).status).toBe(200);
    expect(await pairRows(b.id, x.id)).toEqual([{ parentId: b.id, childId: x.id, kind: "link" }]);
  });
});

describe("merge refusals (nothing changes)", () => {
  it.each([
    ["into itself", "self", 409, "cannot be merged into itself"],
    ["into one of its children", "intoChild", 409, "is itself merged into another ticket"],
    ["an already merged child", "mergedChild", 409, "Already merged"],
    ["a ticket outside the caller's scope", "outside", 404, "not found"],
    ["no tickets", "none", 400, "Invalid request body"],
  ])("refuses merging %s", async (_n, kind, status, message) => {
    const a = await createTicket(db, { deptId: cast.support.id });
    const b = await createTicket(db, { deptId: cast.support.id });
    const billing = await createTicket(db, { deptId: cast.billing.id });
    let parent = a;
    let tids: number[] = [b.id];
    if (kind === "self") tids = [a.id, b.id];
    if (kind === "intoChild") {
      await doMerge(a, { tids: [b.id] });
      parent = b;
      tids = [a.id];
    }
    if (kind === "mergedChild") {
      const c = await createTicket(db, { deptId: cast.support.id });
      await doMerge(c, { tids: [b.id] });
    }
    if (kind === "outside") tids = [b.id, billing.id];
    if (kind === "none") tids = [];
    const before = await row(parent.id);
    const res = await doMerge(parent, { tids });
    expect(res.status).toBe(status);
    expect(res.json.message).toContain(message);
    expect((await row(parent.id)).version).toBe(before.version);
    if (kind === "outside") expect((await row(b.id)).mergedIntoId).toBeNull();
  });
});

describe("repeated tickets", () => {
  it("are merged once; the path's own ticket among them is refused", async () => {
    const [a, b, c] = [await createTicket(db, { deptId: cast.support.id }), await createTicket(db, { deptId: cast.support.id }), await createTicket(db, { deptId: cast.support.id })];
    const self = await doMerge(a, { tids: [a.id, a.id] });
    expect([self.status, self.json.message]).toEqual([409, "A ticket cannot be merged into itself"]);
    const linked = await doMerge(a, { tids: [b.id, b.id], mode: "link" });
    expect(linked.status).toBe(200);
    expect((linked.json.data as { children: number[] }).children).toEqual([b.id]);
    const res = await doMerge(a, { tids: [c.id, c.id, c.id] });
    expect([res.status, res.json.message, (res.json.data as { children: number[] }).children]).toEqual([200, "1 ticket merged", [c.id]]);
    expect((await db.select().from(ticketLinks).where(eq(ticketLinks.parentId, a.id))).map((l) => [l.childId, l.kind])).toEqual([
      [b.id, "link"],
      [c.id, "combine"],
    ]);
  });
});

describe("overlapping merges in parallel", () => {
  it("never put a ticket in two parents and never lose an entry", async () => {
    const n = scaled(40, 16);
    const pool = [];
    for (let i = 0; i < n; i++) pool.push(await createTicket(db, { deptId: cast.support.id, message: `entry ${i}` }));
    const ids = pool.map((t) => t.id);
    const [{ before }] = await db.select({ before: count() }).from(threadEntries).where(inArray(threadEntries.ticketId, ids));
    // Each merge takes a window of 4 neighbours: every window overlaps the next ones.
    const jobs = Array.from({ length: n - 3 }, (_, i) => {
      const [parent, ...kids] = ids.slice(i, i + 4);
      return doMerge({ id: i % 2 ? kids[0] : parent }, { tids: i % 2 ? [parent, ...kids.slice(1)] : kids });
    });
    const results = await Promise.all(jobs);
    expect(results.every((r) => [200, 404, 409].includes(r.status))).toBe(true);
    expect(results.some((r) => r.status === 200)).toBe(true);
    expect(results.some((r) => r.status === 409)).toBe(true);
    const rows = await db.select().from(tickets).where(inArray(tickets.id, ids));
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const r of rows) if (r.mergedIntoId) expect(byId.get(r.mergedIntoId)!.mergedIntoId).toBeNull();
    const links = await db.select().from(ticketLinks).where(and(inArray(ticketLinks.childId, ids), sql`${ticketLinks.kind} <> 'link'`));
    expect(new Set(links.map((l) => l.childId)).size).toBe(links.length);
    expect(links.length).toBe(rows.filter((r) => r.mergedIntoId).length);
    const entries = await db.select({ ticketId: threadEntries.ticketId }).from(threadEntries).where(inArray(threadEntries.ticketId, ids));
    expect(entries.length).toBe(before);
    for (const e of entries) expect(byId.get(e.ticketId)!.mergedIntoId).toBeNull();
  });
});
