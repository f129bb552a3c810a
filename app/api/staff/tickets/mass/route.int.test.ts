// POST /tickets/mass: per-ticket results; merge and link atomic; 500 tickets in one request.
import { eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "@/db/testing";
import { ticketLinks, tickets } from "@/db/schema";
import { loadSessionStaff } from "@/lib/auth";
import { type MassResult, massAction } from "@/lib/tickets";
import { setupTestAuth } from "@/test/auth";
import { scaled } from "@/test/scale";
import { api } from "@/test/staff-api";
import { type Cast, seedStaffCast } from "@/test/staff-factory";
import { createTicket } from "@/test/ticket-factory";
import { POST } from "./route";

setupTestAuth();
const { db } = await createTestDb();
let cast: Cast;
beforeAll(async () => {
  cast = await seedStaffCast(db);
});

type Mass = { results: MassResult[]; succeeded: number; failed: number };
const mass = (body: Record<string, unknown>, as = cast.agentA) => api(as).post<Mass>(POST, "/api/staff/tickets/mass", {}, body);
const rows = (ids: number[]) => db.select().from(tickets).where(inArray(tickets.id, ids)).orderBy(tickets.id);

describe("POST /tickets/mass", () => {
  it("answers a result per ticket and never fails the batch for one bad ticket", async () => {
    const good = await createTicket(db, { deptId: cast.support.id });
    const already = await createTicket(db, { deptId: cast.support.id, status: "closed" });
    const outside = await createTicket(db, { deptId: cast.billing.id });
    const res = await mass({ action: "status", tids: [good.id, already.id, outside.id, 999999], status: "closed" });
    expect(res.status).toBe(200);
    expect(res.json.message).toBe("1 done, 3 failed");
    expect(res.json.data!.results.map((r) => [r.tid, r.ok, r.status])).toEqual([
      [good.id, true, 200],
      [already.id, false, 409],
      [outside.id, false, 404],
      [999999, false, 404],
    ]);
    expect((await rows([good.id]))[0].status).toBe("closed");
  });

  it.each([
    ["assign", (ids: number[]) => ({ action: "assign", tids: ids, assignee: `s${cast.agentA.id}` }), (r: typeof tickets.$inferSelect) => r.staffId === cast.agentA.id],
    ["claim", (ids: number[]) => ({ action: "claim", tids: ids }), (r: typeof tickets.$inferSelect) => r.staffId === cast.manager.id],
    ["transfer", (ids: number[]) => ({ action: "transfer", tids: ids, deptId: cast.billing.id }), (r: typeof tickets.$inferSelect) => r.deptId === cast.billing.id],
    ["delete", (ids: number[]) => ({ action: "delete", tids: ids }), (r: typeof tickets.$inferSelect) => r.status === "deleted"],
  ] as const)("%s applies to every ticket", async (action, body, check) => {
    const ts = [await createTicket(db, { deptId: cast.support.id }), await createTicket(db, { deptId: cast.support.id })];
    const res = await mass(body(ts.map((t) => t.id)), cast.manager);
    expect(res.json.data!.succeeded).toBe(2);
    for (const r of await rows(ts.map((t) => t.id))) expect(check(r)).toBe(true);
  });

  it("refuses an action the caller lacks the permission for", async () => {
    const t = await createTicket(db, { deptId: cast.support.id });
    const res = await mass({ action: "delete", tids: [t.id] });
    expect(res.status).toBe(403);
  });

  it("merges atomically: one bad ticket and nothing is merged", async () => {
    const [a, b] = [await createTicket(db, { deptId: cast.support.id }), await createTicket(db, { deptId: cast.support.id })];
    const outside = await createTicket(db, { deptId: cast.billing.id });
    const bad = await mass({ action: "merge", tids: [a.id, b.id, outside.id] });
    expect(bad.status).toBe(404);
    expect((await rows([b.id]))[0].mergedIntoId).toBeNull();
    const good = await mass({ action: "merge", tids: [a.id, b.id] });
    expect(good.status).toBe(200);
    expect((await rows([b.id]))[0].mergedIntoId).toBe(a.id);
  });

  it.each([
    ["no tickets", { action: "status", tids: [], status: "closed" }, "tids"],
    ["501 tickets", { action: "status", tids: Array.from({ length: 501 }, (_, i) => i + 1), status: "closed" }, "tids"],
    ["an unknown action", { action: "explode", tids: [1] }, "action"],
    ["a merge of one ticket", { action: "merge", tids: [1] }, "tids"],
  ])("refuses %s naming %s", async (_n, body, field) => {
    const res = await mass(body);
    expect(res.status).toBe(400);
    expect(Object.keys(res.json.errors!)).toEqual([field]);
  });

  it("refuses a merge or link of fewer than two different tickets, or into a ticket not selected", async () => {
    const [a, b, c] = [await createTicket(db, { deptId: cast.support.id }), await createTicket(db, { deptId: cast.support.id }), await createTicket(db, { deptId: cast.support.id })];
    const before = await rows([a.id, b.id, c.id]);
    for (const [body, field] of [
      [{ action: "merge", tids: [a.id, a.id] }, "tids"],
      [{ action: "link", tids: [a.id, a.id] }, "tids"],
      [{ action: "merge", tids: [a.id, a.id], parent: a.id }, "tids"],
      [{ action: "link", tids: [b.id, b.id, b.id], parent: b.id }, "tids"],
      [{ action: "merge", tids: [a.id, b.id], parent: c.id }, "parent"],
      [{ action: "link", tids: [a.id, b.id], parent: c.id }, "parent"],
    ] as const) {
      const res = await mass(body);
      expect([res.status, Object.keys(res.json.errors ?? {})], JSON.stringify(body)).toEqual([400, [field]]);
    }
    // The service answers the same (the route only parses).
    await expect(massAction(db, (await loadSessionStaff(db, cast.agentA.id))!, { action: "link", tids: [a.id, a.id] })).rejects.toMatchObject({ status: 400, errors: { tids: expect.any(String) } });
    expect(await rows([a.id, b.id, c.id])).toEqual(before);
    expect(await db.select().from(ticketLinks).where(inArray(ticketLinks.parentId, [a.id, b.id, c.id]))).toEqual([]);
    // Repeats are dropped: [a, b, b] merges b into a once.
    const merged = await mass({ action: "merge", tids: [a.id, b.id, b.id], parent: a.id });
    expect(merged.status).toBe(200);
    expect(merged.json.data!.results.map((r) => r.tid)).toEqual([a.id, b.id]);
    expect((await rows([b.id]))[0].mergedIntoId).toBe(a.id);
  });

  it("handles 500 tickets in one request", async () => {
    const n = scaled(500, 120);
    const ids: number[] = [];
    for (let i = 0; i < n; i++) ids.push((await createTicket(db, { deptId: cast.support.id, message: false })).id);
    const res = await mass({ action: "status", tids: ids, status: "resolved", comment: "Bulk resolve" }, cast.manager);
    expect(res.status).toBe(200);
    expect(res.json.data!.succeeded).toBe(n);
    const after = await rows(ids);
    expect(after.every((r) => r.status === "resolved" && r.closedById === cast.manager.id)).toBe(true);
    const claims = await mass({ action: "claim", tids: ids }, cast.agentA);
    // resolved tickets cannot be claimed: every one gets its own 409
    expect(claims.json.data!.failed).toBe(n);
    expect(claims.json.data!.results.every((r) => r.status === 409)).toBe(true);
    const [one] = await db.select().from(tickets).where(eq(tickets.id, ids[0]));
    expect(one.version).toBe(2);
  });
});
