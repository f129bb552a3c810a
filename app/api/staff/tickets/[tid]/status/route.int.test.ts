// POST /tickets/{tid}/status: transitions, no-op 409, closing and reopening bookkeeping.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "@/db/testing";
import { events, slaPlans, threadEntries, tickets } from "@/db/schema";
import { setupTestAuth } from "@/test/auth";
import { api } from "@/test/staff-api";
import { type Cast, seedStaffCast } from "@/test/staff-factory";
import { createTicket } from "@/test/ticket-factory";
import { POST as merge } from "../merge/route";
import { POST } from "./route";

setupTestAuth();
const { db } = await createTestDb();
let cast: Cast;
let slaId: number;
beforeAll(async () => {
  cast = await seedStaffCast(db);
  [{ id: slaId }] = await db.insert(slaPlans).values({ name: "8 hours", graceHours: 8 }).returning();
});

const row = async (id: number) => (await db.select().from(tickets).where(eq(tickets.id, id)))[0];
const setStatus = (t: { id: number }, body: Record<string, unknown>, as = cast.agentA) =>
  api(as).post(POST, `/api/staff/tickets/${t.id}/status`, { tid: String(t.id) }, body);

describe("POST /tickets/{tid}/status", () => {
  it("closes: records who and when, clears overdue, keeps the comment as an internal note", async () => {
    const t = await createTicket(db, { deptId: cast.support.id });
    await db.update(tickets).set({ isOverdue: true }).where(eq(tickets.id, t.id));
    const res = await setStatus(t, { status: "closed", comment: "Fixed by replacing the toner" });
    expect(res.status).toBe(200);
    expect(res.json.message).toBe("Status set to closed");
    const r = await row(t.id);
    expect(r).toMatchObject({ status: "closed", closedById: cast.agentA.id, isOverdue: false, version: 2 });
    expect(r.closedAt).toBeInstanceOf(Date);
    const notes = await db.select().from(threadEntries).where(and(eq(threadEntries.ticketId, t.id), eq(threadEntries.type, "note")));
    expect(notes.map((n) => [n.bodyText, n.staffId])).toEqual([["Fixed by replacing the toner", cast.agentA.id]]);
    const [ev] = await db.select().from(events).where(and(eq(events.ticketId, t.id), eq(events.action, "status_changed")));
    expect(ev).toMatchObject({ staffId: cast.agentA.id, before: { status: "open" }, after: { status: "closed" } });
  });

  it("reopens: clears closed fields and recomputes the SLA due date from now", async () => {
    const t = await createTicket(db, { deptId: cast.support.id, status: "closed", slaId, dueAt: new Date("2020-01-01T00:00:00Z") });
    const before = Date.now();
    const res = await setStatus(t, { status: "open" });
    expect(res.status).toBe(200);
    const r = await row(t.id);
    expect(r).toMatchObject({ status: "open", closedAt: null, closedById: null });
    expect(r.reopenedAt).toBeInstanceOf(Date);
    expect(r.dueAt!.getTime()).toBeGreaterThanOrEqual(before + 8 * 3_600_000 - 1000);
    expect(r.dueAt!.getTime()).toBeLessThanOrEqual(Date.now() + 8 * 3_600_000 + 1000);
    expect(await db.select().from(events).where(and(eq(events.ticketId, t.id), eq(events.action, "reopened")))).toHaveLength(1);
  });

  it("moves between open states without touching closed fields", async () => {
    const t = await createTicket(db, { deptId: cast.support.id });
    expect((await setStatus(t, { status: "awaiting_client" })).status).toBe(200);
    expect(await row(t.id)).toMatchObject({ status: "awaiting_client", closedAt: null });
  });

  it.each([
    ["a no-op", { status: "open" }, 409, "is already open"],
    ["deleted (has its own endpoint)", { status: "deleted" }, 400, "Invalid request body"],
    ["an unknown status", { status: "pending" }, 400, "Invalid request body"],
  ])("refuses %s", async (_n, body, status, message) => {
    const t = await createTicket(db, { deptId: cast.support.id });
    const res = await setStatus(t, body);
    expect(res.status).toBe(status);
    expect(res.json.message).toContain(message);
    expect((await row(t.id)).version).toBe(1);
  });

  it("applies the change to merged children with children: true", async () => {
    const parent = await createTicket(db, { deptId: cast.support.id });
    const kids = [await createTicket(db, { deptId: cast.support.id }), await createTicket(db, { deptId: cast.support.id })];
    const m = await api(cast.agentA).post(merge, `/api/staff/tickets/${parent.id}/merge`, { tid: String(parent.id) }, { tids: kids.map((k) => k.id), childStatus: "resolved" });
    expect(m.status).toBe(200);
    const res = await setStatus(parent, { status: "closed", children: true });
    expect(res.json.data).toMatchObject({ status: "closed", children: kids.map((k) => k.id) });
    for (const k of kids) expect((await row(k.id)).status).toBe("closed");
  });
});
