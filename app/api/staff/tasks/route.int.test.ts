// Tasks: create (department, linked ticket, assignee rules), the visibility rule (department,
// assignee, team, linked ticket), the list's filters and keyset pages, edit, assign, transfer,
// close/reopen and the task thread.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "@/db/testing";
import { events, tasks } from "@/db/schema";
import { setupTestAuth } from "@/test/auth";
import { api } from "@/test/staff-api";
import { type Cast, createTeam, seedStaffCast } from "@/test/staff-factory";
import { createTicket } from "@/test/ticket-factory";
import { POST as assign } from "./[id]/assign/route";
import { POST as close } from "./[id]/close/route";
import { POST as note } from "./[id]/note/route";
import { POST as reopen } from "./[id]/reopen/route";
import { GET as getOne, PUT as edit } from "./[id]/route";
import { POST as transfer } from "./[id]/transfer/route";
import { GET as list, POST as create } from "./route";

setupTestAuth();
const { db } = await createTestDb();
let cast: Cast;
beforeAll(async () => {
  cast = await seedStaffCast(db);
});

type Summary = { id: number; title: string; status: string; ticketId: number | null; deptId: number; staffId: number | null; teamId: number | null; version: number };
type Item = { id: number; title: string; status: string; ticket: { id: number; number: string } | null; department: { id: number }; assignee: { staff: { id: number } | null; team: { id: number } | null } };
type Page = { items: Item[]; total: number; nextCursor: string | null };
type Who = Cast["agentA"];
const p = (id: number) => ({ id: String(id) });

async function newTask(body: Record<string, unknown>, as: Who = cast.agentA) {
  const res = await api(as).post<Summary>(create, "/api/staff/tasks", {}, { title: "Call the vendor", ...body });
  expect(res.json).toMatchObject({ status: 201 });
  return res.json.data!;
}
const view = (t: { id: number }, as: Who) => api(as).get<Item & { thread: { bodyText: string }[]; events: { action: string }[] }>(getOne, `/api/staff/tasks/${t.id}`, p(t.id));
const op = (h: typeof assign, name: string, t: { id: number }, body: unknown, as: Who = cast.agentA, headers?: Record<string, string>) =>
  api(as).post<Summary>(h, `/api/staff/tasks/${t.id}/${name}`, p(t.id), body, headers);
const listAs = (as: Who, qs = "") => api(as).get<Page>(list, `/api/staff/tasks${qs}`);

describe("POST /tasks", () => {
  it("creates a task in one of the caller's departments, assigned, due, with an event", async () => {
    const res = await api(cast.agentA).post<Summary>(create, "/api/staff/tasks", {}, {
      title: "  Replace   the toner ",
      description: "Cartridge 42A",
      deptId: cast.support.id,
      assignee: `s${cast.agentA.id}`,
      dueAt: "2030-01-02T03:04:05Z",
    });
    expect(res.status).toBe(201);
    expect(res.json.data).toMatchObject({ title: "Replace the toner", status: "open", deptId: cast.support.id, staffId: cast.agentA.id, ticketId: null, version: 1 });
    const [ev] = await db.select().from(events).where(and(eq(events.entityType, "task"), eq(events.entityId, res.json.data!.id)));
    expect(ev).toMatchObject({ action: "created", staffId: cast.agentA.id });
  });

  it("links to a ticket the caller sees, and may then go to another department", async () => {
    const ticket = await createTicket(db, { deptId: cast.support.id });
    const task = await newTask({ deptId: cast.billing.id, ticketId: ticket.id });
    expect(task).toMatchObject({ deptId: cast.billing.id, ticketId: ticket.id });
    const [ev] = await db.select().from(events).where(and(eq(events.ticketId, ticket.id), eq(events.action, "task_added")));
    expect(ev.data).toEqual({ taskId: task.id, title: "Call the vendor" });
    // Agent A keeps sight through the ticket; agent B through the department.
    expect((await view(task, cast.agentA)).status).toBe(200);
    expect((await view(task, cast.agentB)).json.data!.ticket).toBeNull();
  });

  it.each<[string, (c: Cast) => Promise<Record<string, unknown>>, number, Record<string, unknown>]>([
    ["no title", async (c) => ({ title: " ", deptId: c.support.id }), 400, { message: "Invalid request body", errors: { title: "Title is required" } }],
    ["no department", async () => ({}), 400, { message: "Invalid request body", errors: { deptId: "must be a number" } }],
    ["an unknown department", async () => ({ deptId: 999999 }), 400, { message: "Unknown department", errors: { deptId: "No active department 999999" } }],
    ["a bad due date", async (c) => ({ deptId: c.support.id, dueAt: "tomorrow" }), 400, { message: "Invalid request body", errors: { dueAt: "Use an ISO date-time with offset, e.g. 2025-03-31T17:00:00Z" } }],
    [
      "another department's ticket (hidden: same answer as a missing one)",
      async (c) => ({ deptId: c.support.id, ticketId: (await createTicket(db, { deptId: c.billing.id })).id }),
      400,
      { message: "Unknown ticket", errors: { ticketId: expect.stringMatching(/^No ticket \d+$/) } },
    ],
    [
      "a closed ticket",
      async (c) => ({ deptId: c.support.id, ticketId: (await createTicket(db, { deptId: c.support.id, status: "closed" })).id }),
      409,
      { message: expect.stringMatching(/^Ticket #\d+ is closed; reopen it before giving it open tasks$/) },
    ],
    ["a department the caller does not work in", async (c) => ({ deptId: c.billing.id }), 403, { message: expect.stringContaining("You do not work in Billing"), errors: { deptId: "Not one of your departments" } }],
    ["an assignee outside the department", async (c) => ({ deptId: c.support.id, assignee: `s${c.agentB.id}` }), 400, { errors: { assignee: "Blair Agent does not work in Support" } }],
    ["an inactive assignee", async (c) => ({ deptId: c.support.id, assignee: `s${c.inactive.id}` }), 400, { errors: { assignee: expect.stringMatching(/^No active staff member/) } }],
  ])("refuses %s", async (_n, body, status, expected) => {
    const res = await api(cast.agentA).post(create, "/api/staff/tasks", {}, { title: "T", ...(await body(cast)) });
    expect(res.json).toMatchObject({ status, ...expected });
    expect(res.status).toBe(status);
  });
});

describe("visibility", () => {
  it("follows departments, assignees, teams and linked tickets, in reads, lists, counts and operations", async () => {
    const billingTicket = await createTicket(db, { deptId: cast.billing.id });
    const billingTask = await newTask({ title: "Refund", deptId: cast.billing.id, ticketId: billingTicket.id }, cast.agentB);
    const team = await createTeam(db, "Night shift", [cast.agentB.id]);
    const teamTask = await newTask({ title: "Team job", deptId: cast.support.id, assignee: `t${team.id}` });
    // Agent A (Support) never sees a Billing task linked to a Billing ticket.
    expect((await view(billingTask, cast.agentA)).json).toEqual({ status: 404, message: `Task ${billingTask.id} not found`, errors: {} });
    expect((await op(close, "close", billingTask, {})).status).toBe(404);
    expect((await op(assign, "assign", billingTask, { assignee: `s${cast.agentA.id}` })).status).toBe(404);
    const a = await listAs(cast.agentA, `?ticketId=${billingTicket.id}`);
    expect(a.json.data).toEqual({ items: [], total: 0, nextCursor: null });
    // Agent B (Billing) sees the Support task assigned to their team.
    expect((await view(teamTask, cast.agentB)).status).toBe(200);
    const b = await listAs(cast.agentB, `?assignee=t${team.id}`);
    expect(b.json.data!.items.map((t) => t.id)).toEqual([teamTask.id]);
    // Admins see everything.
    expect((await view(billingTask, cast.admin)).status).toBe(200);
  });
});

describe("GET /tasks", () => {
  it("filters by status, department, assignee (me, none), ticket and due range", async () => {
    const ticket = await createTicket(db, { deptId: cast.support.id });
    const mine = await newTask({ title: "Mine", deptId: cast.support.id, assignee: cast.agentA.id, dueAt: "2031-05-01T10:00:00Z", ticketId: ticket.id });
    const free = await newTask({ title: "Free", deptId: cast.support.id, dueAt: "2031-05-03T10:00:00Z" });
    const done = await newTask({ title: "Done", deptId: cast.support.id, assignee: cast.agentA.id });
    await op(close, "close", done, {});
    const ids = async (qs: string) => (await listAs(cast.agentA, qs)).json.data!.items.map((t) => t.id).filter((id) => [mine.id, free.id, done.id].includes(id));
    expect(await ids("?assignee=me&status=open")).toEqual([mine.id]);
    expect(await ids("?assignee=me")).toEqual([done.id, mine.id]);
    expect(await ids("?assignee=none")).toEqual([free.id]);
    expect(await ids("?status=closed")).toEqual([done.id]);
    expect(await ids(`?ticketId=${ticket.id}`)).toEqual([mine.id]);
    expect(await ids("?dueFrom=2031-05-01&dueTo=2031-05-02")).toEqual([mine.id]);
    expect(await ids("?dueFrom=2031-05-02T00:00:00Z")).toEqual([free.id]);
    expect(await ids(`?deptId=${cast.billing.id}`)).toEqual([]);
    expect(await ids("?q=FRE")).toEqual([free.id]);
  });

  it.each(["created", "due", "updated"])("pages through every visible task once, sorted by %s", async (sort) => {
    const res0 = await listAs(cast.manager, `?sort=${sort}&limit=100`);
    const all = res0.json.data!;
    for (let i = 0; i < 3; i++) await newTask({ title: `Paged ${sort} ${i}`, deptId: cast.support.id, ...(i === 1 ? {} : { dueAt: "2032-01-01T00:00:00Z" }) });
    const seen: number[] = [];
    let cursor: string | null = null;
    let total = 0;
    do {
      const res: Awaited<ReturnType<typeof listAs>> = await listAs(cast.manager, `?sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(res.status).toBe(200);
      seen.push(...res.json.data!.items.map((t) => t.id));
      total = res.json.data!.total;
      cursor = res.json.data!.nextCursor;
    } while (cursor);
    expect(total).toBe(all.total + 3);
    expect(new Set(seen).size).toBe(total);
    expect(seen.length).toBe(total);
  });

  it.each([
    ["an unknown status", "?status=pending", { "status.0": "Use open or closed" }],
    ["a bad assignee", "?assignee=someone", { "assignee.0": "Use me, none, s<staffId> or t<teamId>" }],
    ["a bad cursor", "?cursor=nope", { cursor: "Not a cursor of this list; start again from the first page" }],
    ["a bad date", "?dueFrom=soon", { dueFrom: "Use an ISO date (2025-03-31) or date-time with offset" }],
    ["an unknown sort", "?sort=title", { sort: "Use created, updated, due" }],
  ])("refuses %s", async (_n, qs, errors) => {
    const res = await listAs(cast.agentA, qs);
    expect(res.json).toEqual({ status: 400, message: "Invalid query", errors: expect.objectContaining(errors) });
  });
});

describe("task operations", () => {
  it("edits, links and unlinks a ticket, with version checks", async () => {
    const task = await newTask({ deptId: cast.support.id });
    const ticket = await createTicket(db, { deptId: cast.support.id });
    const linked = await api(cast.agentA).put<Summary & { changed: string[] }>(edit, `/api/staff/tasks/${task.id}`, p(task.id), { title: "Call again", ticketId: ticket.id });
    expect(linked.json.data).toMatchObject({ title: "Call again", ticketId: ticket.id, version: 2, changed: ["title", "ticketId"] });
    const stale = await api(cast.agentA).put(edit, `/api/staff/tasks/${task.id}`, p(task.id), { title: "X" }, { "If-Match": '"1"' });
    expect(stale.json).toMatchObject({ status: 409, message: `Task ${task.id} was changed by someone else (now version 2, open)` });
    const same = await api(cast.agentA).put(edit, `/api/staff/tasks/${task.id}`, p(task.id), { title: "Call again" });
    expect(same.json).toMatchObject({ status: 200, message: "Nothing changed" });
    const unlinked = await api(cast.agentA).put<Summary>(edit, `/api/staff/tasks/${task.id}`, p(task.id), { ticketId: null });
    expect(unlinked.json.data!.ticketId).toBeNull();
    const evs = await db.select().from(events).where(eq(events.ticketId, ticket.id));
    expect(evs.map((e) => e.action)).toEqual(["task_linked", "task_unlinked"]);
  });

  it("assigns, unassigns, transfers and refuses no-ops", async () => {
    const task = await newTask({ deptId: cast.support.id });
    expect((await op(assign, "assign", task, { assignee: `s${cast.manager.id}` })).json.data!.staffId).toBe(cast.manager.id);
    expect((await op(assign, "assign", task, { assignee: `s${cast.manager.id}` })).json).toMatchObject({ status: 409, message: `Task ${task.id} is already assigned to Morgan Manager` });
    expect((await op(assign, "assign", task, { assignee: null })).json).toMatchObject({ status: 200, message: "Task unassigned", data: { staffId: null, teamId: null } });
    expect((await op(assign, "assign", task, { assignee: null })).json).toMatchObject({ status: 409, message: `Task ${task.id} is not assigned` });
    await op(assign, "assign", task, { assignee: `s${cast.agentA.id}` });
    // The manager works in Billing; agent A does not, so they are unassigned by the move.
    const moved = await op(transfer, "transfer", task, { deptId: cast.billing.id, comment: "Billing's call" }, cast.manager);
    expect(moved.json.data).toMatchObject({ deptId: cast.billing.id, staffId: null });
    expect((await op(transfer, "transfer", task, { deptId: cast.billing.id }, cast.manager)).json).toMatchObject({ status: 409, message: `Task ${task.id} is already in Billing` });
    // Agent A lost sight of it (no longer their department, not assigned, no ticket).
    expect((await view(task, cast.agentA)).status).toBe(404);
    const detail = await view(task, cast.manager);
    expect(detail.json.data!.thread.map((e) => e.bodyText)).toEqual(["Billing's call"]);
    expect(detail.json.data!.events.map((e) => e.action)).toEqual(["created", "assigned", "unassigned", "assigned", "transferred"]);
  });

  it("refuses moving to a department the caller does not work in unless they see the linked ticket", async () => {
    const task = await newTask({ deptId: cast.support.id });
    expect((await op(transfer, "transfer", task, { deptId: cast.billing.id })).json).toMatchObject({ status: 403, errors: { deptId: "Not one of your departments" } });
    const ticket = await createTicket(db, { deptId: cast.support.id });
    const linked = await newTask({ deptId: cast.support.id, ticketId: ticket.id });
    expect((await op(transfer, "transfer", linked, { deptId: cast.billing.id })).status).toBe(200);
  });

  it("closes and reopens; reopening needs the linked ticket open", async () => {
    const ticket = await createTicket(db, { deptId: cast.support.id });
    const task = await newTask({ deptId: cast.support.id, ticketId: ticket.id });
    const closed = await op(close, "close", task, { comment: "Vendor called back" });
    expect(closed.json).toMatchObject({ status: 200, message: "Task closed", data: { status: "closed" } });
    const [row] = await db.select().from(tasks).where(eq(tasks.id, task.id));
    expect(row).toMatchObject({ closedById: cast.agentA.id });
    expect((await op(close, "close", task, {})).json).toMatchObject({ status: 409, message: `Task ${task.id} is already closed` });
    await db.execute(`UPDATE tickets SET status = 'resolved' WHERE id = ${ticket.id}`);
    expect((await op(reopen, "reopen", task, {})).json).toEqual({
      status: 409,
      message: "The linked ticket is resolved; reopen it (or unlink the task) first",
      errors: {},
      data: { ticketId: ticket.id },
    });
    await db.execute(`UPDATE tickets SET status = 'open' WHERE id = ${ticket.id}`);
    expect((await op(reopen, "reopen", task, {})).json).toMatchObject({ status: 200, data: { status: "open" } });
    expect((await op(reopen, "reopen", task, {})).json).toMatchObject({ status: 409, message: `Task ${task.id} is already open` });
  });

  it("keeps a thread of notes (HTML sanitized)", async () => {
    const task = await newTask({ deptId: cast.support.id });
    const res = await api(cast.agentA).post(note, `/api/staff/tasks/${task.id}/note`, p(task.id), { body: "<p>Called <script>x()</script>twice</p>", format: "html" });
    expect(res.json).toMatchObject({ status: 201, data: { entry: { bodyText: "Called twice" } } });
    expect((res.json.data as { entry: { bodyHtml: string } }).entry.bodyHtml).not.toContain("script");
    expect((await api(cast.agentA).post(note, `/api/staff/tasks/${task.id}/note`, p(task.id), { body: "  " })).json).toEqual({ status: 400, message: "Invalid request body", errors: { body: "Write a note" } });
    expect((await api(cast.agentB).post(note, `/api/staff/tasks/${task.id}/note`, p(task.id), { body: "hi" })).status).toBe(404);
    const detail = await view(task, cast.agentA);
    expect(detail.json.data!.thread.map((e) => e.bodyText)).toEqual(["Called twice"]);
  });
});
