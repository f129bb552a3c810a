// Hostile or sloppy input on the staff API: NUL characters, lone surrogates, ids past the
// database's integer range, concurrent duplicates and oversized chunked bodies are 4xx answers
// (or cleaned), never a 500 and never a partial write.
import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "@/db/testing";
import { staff, threadEntries, tickets } from "@/db/schema";
import { callRoute, setupTestAuth, staffRequest } from "@/test/auth";
import { setIntakeEnv } from "@/test/intake-env";
import { api } from "@/test/staff-api";
import { type Cast, seedStaffCast } from "@/test/staff-factory";
import { createTicket } from "@/test/ticket-factory";
import { GET as attachmentGET } from "./attachments/[id]/route";
import { GET as cannedGET } from "./canned/[id]/route";
import { GET as staffOneGET } from "./staff/[id]/route";
import { POST as staffCreate } from "./staff/route";
import { POST as openTicket } from "./tickets/route";
import { GET as ticketGET, PATCH as ticketPATCH } from "./tickets/[tid]/route";
import { POST as note } from "./tickets/[tid]/note/route";
import { POST as transfer } from "./tickets/[tid]/transfer/route";
import { POST as mass } from "./tickets/mass/route";

setIntakeEnv();
setupTestAuth();
const { db } = await createTestDb();
let cast: Cast;
let tid: number;
beforeAll(async () => {
  cast = await seedStaffCast(db);
  tid = (await createTicket(db, { deptId: cast.support.id })).id;
});

const HUGE = "2147483648";

describe("ids past the integer range", () => {
  it.each([
    ["ticket", ticketGET, "/api/staff/tickets/", "tid"],
    ["attachment", attachmentGET, "/api/staff/attachments/", "id"],
    ["canned response", cannedGET, "/api/staff/canned/", "id"],
    ["staff member", staffOneGET, "/api/staff/staff/", "id"],
  ] as const)("in the path of a %s are a 404", async (_what, handler, prefix, key) => {
    const res = await api(cast.admin).get(handler, `${prefix}${HUGE}`, { [key]: HUGE });
    expect(res.status).toBe(404);
  });

  it("in bodies are a 400 naming the field", async () => {
    const t = String(tid);
    const moved = await api(cast.admin).post(transfer, `/api/staff/tickets/${t}/transfer`, { tid: t }, { deptId: Number(HUGE) });
    expect([moved.status, Object.keys(moved.json.errors ?? {})]).toEqual([400, ["deptId"]]);
    const edited = await api(cast.admin).patch(ticketPATCH, `/api/staff/tickets/${t}`, { tid: t }, { priorityId: Number(HUGE) });
    expect([edited.status, Object.keys(edited.json.errors ?? {})]).toEqual([400, ["priorityId"]]);
    const batch = await api(cast.admin).post(mass, "/api/staff/tickets/mass", {}, { action: "delete", tids: [Number(HUGE)] });
    expect(batch.status).toBe(400);
  });

  it("written as exponents are not ids", async () => {
    const res = await api(cast.admin).get(ticketGET, "/api/staff/tickets/1e3", { tid: "1e3" });
    expect(res.status).toBe(404);
  });
});

describe("text the database cannot hold", () => {
  it("a NUL in a note is removed, the note stored", async () => {
    const res = await api(cast.admin).post(note, `/api/staff/tickets/${tid}/note`, { tid: String(tid) }, { body: "before\u0000after" });
    expect(res.status).toBe(200);
    const entries = await db.select().from(threadEntries).where(eq(threadEntries.ticketId, tid));
    expect(entries.some((e) => e.bodyText.includes("beforeafter"))).toBe(true);
  });

  it("a lone surrogate in a staff-opened ticket's subject becomes U+FFFD", async () => {
    const res = await api(cast.admin).post<{ id: number }>(openTicket, "/api/staff/tickets", {}, {
      email: "surrogate@example.com",
      name: "S",
      subject: "Broken \ud800 pair",
      message: "hello",
      deptId: cast.support.id,
      source: "phone",
    });
    expect(res.status).toBe(201);
    const [t] = await db.select().from(tickets).where(eq(tickets.id, res.json.data!.id));
    expect(t.subject).toBe("Broken \ufffd pair");
  });
});

describe("races and sizes", () => {
  it("creating the same staff member in parallel: one 201, the rest 409, no 500", async () => {
    const statuses = await Promise.all(
      Array.from({ length: 6 }, () => api(cast.admin).post(staffCreate, "/api/staff/staff", {}, { email: "race@example.com", name: "Race", role: "agent", deptIds: [cast.support.id] }).then((r) => r.status)),
    );
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s !== 201).every((s) => s === 409)).toBe(true);
    const [{ n }] = await db.select({ n: count() }).from(staff).where(eq(staff.email, "race@example.com"));
    expect(n).toBe(1);
  });

  it("a chunked body over the limit is refused with 413 while it streams", async () => {
    const chunk = new TextEncoder().encode(`{"body":"${"x".repeat(1024 * 1024)}`);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        if (sent++ < 60) c.enqueue(chunk);
        else c.close();
      },
    });
    const req = await staffRequest(`/api/staff/tickets/${tid}/note`, { method: "POST", as: cast.admin, headers: { "content-type": "application/json" } });
    const streamed = new Request(req.url, { method: "POST", headers: req.headers, body, duplex: "half" } as RequestInit);
    const res = await callRoute(note, streamed, { tid: String(tid) });
    expect(res.status).toBe(413);
    expect(sent).toBeLessThan(60);
  });
});

describe("fields a body does not know", () => {
  it("are a 400 naming them, and nothing is written", async () => {
    const before = (await db.select().from(tickets).where(eq(tickets.id, tid)))[0];
    const res = await api(cast.admin).patch(ticketPATCH, `/api/staff/tickets/${tid}`, { tid: String(tid) }, { subject: "Changed", priorty: 3 });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ status: 400, message: "Unknown field: priorty", errors: { priorty: "unknown field" } });
    const after = (await db.select().from(tickets).where(eq(tickets.id, tid)))[0];
    expect([after.subject, after.version]).toEqual([before.subject, before.version]);
  });

  it("leave requests with only known fields alone", async () => {
    const other = (await createTicket(db, { deptId: cast.support.id })).id;
    const res = await api(cast.admin).post(transfer, `/api/staff/tickets/${other}/transfer`, { tid: String(other) }, { deptId: cast.billing.id, comment: "to billing" });
    expect(res.status).toBe(200);
  });
});
