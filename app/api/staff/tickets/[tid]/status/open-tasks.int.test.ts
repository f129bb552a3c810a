// A ticket with open tasks cannot leave the open states (status, mass status, reply or note with a
// status) unless closeTasks closes them in the same transaction; the ticket view lists its tasks;
// merged children hand their tasks to the parent.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "@/db/testing";
import { events, tasks, tickets } from "@/db/schema";
import { POST as createTask } from "@/app/api/staff/tasks/route";
import { setupTestAuth } from "@/test/auth";
import { setIntakeEnv } from "@/test/intake-env";
import { api } from "@/test/staff-api";
import { type Cast, seedStaffCast } from "@/test/staff-factory";
import { createTicket } from "@/test/ticket-factory";
import { POST as mass } from "../../mass/route";
import { POST as merge } from "../merge/route";
import { POST as note } from "../note/route";
import { POST as reply } from "../reply/route";
import { GET as getTicket } from "../route";
import { POST as status } from "./route";

setIntakeEnv();
setupTestAuth();
const { db } = await createTestDb();
let cast: Cast;
beforeAll(async () => {
  cast = await seedStaffCast(db);
});

const p = (t: { id: number }) => ({ tid: String(t.id) });
const ticketRow = async (id: number) => (await db.select().from(tickets).where(eq(tickets.id, id)))[0];
const taskRows = (ticketId: number) => db.select().from(tasks).where(eq(tasks.ticketId, ticketId)).orderBy(tasks.id);

async function ticketWithTasks(titles = ["Order part", "Install part"]) {
  const t = await createTicket(db, { deptId: cast.support.id });
  const ids: number[] = [];
  for (const title of titles) {
    const res = await api(cast.agentA).post<{ id: number }>(createTask, "/api/staff/tasks", {}, { title, deptId: cast.support.id, ticketId: t.id });
    ids.push(res.json.data!.id);
  }
  return { t, ids };
}

describe("closing a ticket with open tasks", () => {
  it("is refused with a 409 naming the open tasks; nothing changes", async () => {
    const { t, ids } = await ticketWithTasks();
    const res = await api(cast.agentA).post(status, `/api/staff/tickets/${t.id}/status`, p(t), { status: "closed" });
    expect(res.json).toEqual({
      status: 409,
      message: `Ticket #${t.number} has 2 open tasks: #${ids[0]} "Order part", #${ids[1]} "Install part"; close them first or send closeTasks: true`,
      errors: {},
      data: { tasks: [{ id: ids[0], title: "Order part" }, { id: ids[1], title: "Install part" }] },
    });
    expect(await ticketRow(t.id)).toMatchObject({ status: "open", version: 1 });
  });

  it.each(["resolved", "archived"])("also refuses %s, but not a move between open states", async (to) => {
    const { t } = await ticketWithTasks(["One"]);
    expect((await api(cast.agentA).post(status, `/api/staff/tickets/${t.id}/status`, p(t), { status: to })).status).toBe(409);
    expect((await api(cast.agentA).post(status, `/api/staff/tickets/${t.id}/status`, p(t), { status: "awaiting_client" })).status).toBe(200);
  });

  it("closes the tasks with the ticket when asked (closeTasks: true), in one transaction with their events", async () => {
    const { t, ids } = await ticketWithTasks();
    await db.update(tasks).set({ status: "closed" }).where(eq(tasks.id, ids[1]));
    const res = await api(cast.agentA).post(status, `/api/staff/tickets/${t.id}/status`, p(t), { status: "closed", closeTasks: true });
    expect(res.json).toMatchObject({ status: 200, data: { status: "closed" } });
    expect((await taskRows(t.id)).map((r) => [r.id, r.status, r.closedById])).toEqual([
      [ids[0], "closed", cast.agentA.id],
      [ids[1], "closed", null],
    ]);
    const [ev] = await db.select().from(events).where(and(eq(events.ticketId, t.id), eq(events.action, "status_changed")));
    expect(ev.data).toEqual({ closedTasks: [ids[0]] });
    const taskEvents = await db.select().from(events).where(and(eq(events.entityType, "task"), eq(events.entityId, ids[0]), eq(events.action, "closed")));
    expect(taskEvents[0].data).toEqual({ withTicket: { id: t.id, number: t.number } });
  });

  it("applies to mass status changes, ticket by ticket", async () => {
    const blocked = await ticketWithTasks(["Blocker"]);
    const free = await createTicket(db, { deptId: cast.support.id });
    const res = await api(cast.agentA).post<{ results: { tid: number; status: number; message: string }[] }>(mass, "/api/staff/tickets/mass", {}, {
      action: "status",
      status: "closed",
      tids: [blocked.t.id, free.id],
    });
    expect(res.json.data!.results).toEqual([
      { tid: blocked.t.id, ok: false, status: 409, message: expect.stringContaining(`has 1 open task: #${blocked.ids[0]} "Blocker"`) },
      { tid: free.id, ok: true, status: 200, message: "OK", version: 2 },
    ]);
    const again = await api(cast.agentA).post<{ succeeded: number }>(mass, "/api/staff/tickets/mass", {}, { action: "status", status: "closed", tids: [blocked.t.id], closeTasks: true });
    expect(again.json.data!.succeeded).toBe(1);
    expect((await taskRows(blocked.t.id))[0].status).toBe("closed");
  });

  it("applies to a reply or note that sets a closing status", async () => {
    const { t } = await ticketWithTasks(["Pending"]);
    const refused = await api(cast.agentA).post(reply, `/api/staff/tickets/${t.id}/reply`, p(t), { body: "All done", status: "resolved" });
    expect(refused.status).toBe(409);
    // Nothing of the refused reply stays (one transaction).
    expect((await ticketRow(t.id)).lastResponseAt).toBeNull();
    const done = await api(cast.agentA).post(note, `/api/staff/tickets/${t.id}/note`, p(t), { body: "Done", status: "resolved", closeTasks: "true" });
    expect(done.json).toMatchObject({ status: 200, data: { ticket: { status: "resolved" } } });
  });
});

describe("tickets and their tasks", () => {
  it("GET /tickets/{tid} lists the ticket's tasks, open first", async () => {
    const { t, ids } = await ticketWithTasks(["First", "Second"]);
    await db.update(tasks).set({ status: "closed" }).where(eq(tasks.id, ids[0]));
    const res = await api(cast.agentA).get<{ tasks: { id: number; title: string; status: string; department: { name: string } }[] }>(getTicket, `/api/staff/tickets/${t.id}`, p(t));
    expect(res.json.data!.tasks.map((x) => [x.id, x.status, x.department.name])).toEqual([
      [ids[1], "open", "Support"],
      [ids[0], "closed", "Support"],
    ]);
  });

  it("merging moves the children's tasks to the parent", async () => {
    const parent = await createTicket(db, { deptId: cast.support.id });
    const child = await ticketWithTasks(["Child work"]);
    const res = await api(cast.agentA).post(merge, `/api/staff/tickets/${parent.id}/merge`, p(parent), { tids: [child.t.id] });
    expect(res.status).toBe(200);
    expect((await taskRows(parent.id)).map((r) => r.id)).toEqual(child.ids);
    expect(await ticketRow(child.t.id)).toMatchObject({ status: "closed", mergedIntoId: parent.id });
  });
});
