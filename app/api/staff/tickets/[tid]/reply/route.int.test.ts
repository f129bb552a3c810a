// POST /tickets/{tid}/reply and /note, POST /tickets (opened by staff), GET /attachments/{id}.
import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "@/db/testing";
import { departments, events, outboundMail, staff, threadEntries, ticketCollaborators, tickets, users } from "@/db/schema";
import { GET as download } from "@/app/api/staff/attachments/[id]/route";
import { callRoute, setupTestAuth, staffRequest } from "@/test/auth";
import { createUser } from "@/test/factories";
import { setIntakeEnv } from "@/test/intake-env";
import { api } from "@/test/staff-api";
import { type Cast, seedStaffCast } from "@/test/staff-factory";
import { createTicket } from "@/test/ticket-factory";
import { POST as openTicket } from "../../route";
import { POST as merge } from "../merge/route";
import { POST as note } from "../note/route";
import { POST as reply } from "./route";

setIntakeEnv();
setupTestAuth();
const { db } = await createTestDb();
let cast: Cast;
beforeAll(async () => {
  cast = await seedStaffCast(db);
  await db.update(staff).set({ signature: "Alex, Support" }).where(eq(staff.id, cast.agentA.id));
  await db.update(departments).set({ signature: "The Support team" }).where(eq(departments.id, cast.support.id));
});

const row = async (id: number) => (await db.select().from(tickets).where(eq(tickets.id, id)))[0];
const mailsOf = (id: number) => db.select().from(outboundMail).where(eq(outboundMail.ticketId, id));
const p = (t: { id: number }) => ({ tid: String(t.id) });
type Posted = { ticket: { version: number; status: string }; entry: { id: number; attachments: { id: number; name: string; url: string }[] }; mail: { to: string[]; cc: string[] }; mentions: { id: number }[]; dropped: unknown[] };

async function ticketWithCollaborators() {
  const owner = await createUser(db, `owner-${Math.random().toString(36).slice(2)}@example.net`, "Olive Owner");
  const c1 = await createUser(db);
  const c2 = await createUser(db);
  const t = await createTicket(db, { deptId: cast.support.id, userId: owner.id });
  await db.insert(ticketCollaborators).values([{ ticketId: t.id, userId: c1.id }, { ticketId: t.id, userId: c2.id }]);
  return { t, owner, c1, c2 };
}

describe("POST /tickets/{tid}/reply", () => {
  it("mails the requester and active collaborators with both signatures, marks answered, sets the status", async () => {
    const { t, owner, c1, c2 } = await ticketWithCollaborators();
    const res = await api(cast.agentA).post<Posted>(reply, `/api/staff/tickets/${t.id}/reply`, p(t), { body: "We replaced the fan.", status: "awaiting_client" });
    expect(res.status).toBe(200);
    // No SMTP in tests: the mail waits in the outbox, and the message says so.
    expect(res.json.message).toMatch(new RegExp(`^Reply saved; the mail to ${owner.email}, .+ waits in the outbox \\(outbound email is not configured\\)$`));
    expect(res.json.data!.mail.to).toEqual([owner.email]);
    expect(res.json.data!.mail.cc.sort()).toEqual([c1.email, c2.email].sort());
    const r = await row(t.id);
    expect(r).toMatchObject({ isAnswered: true, status: "awaiting_client" });
    expect(r.lastResponseAt).toBeInstanceOf(Date);
    expect(res.headers.get("etag")).toBe(`"${r.version}"`);
    const [mail] = await mailsOf(t.id);
    expect(mail).toMatchObject({ kind: "response", to: [owner.email] });
    expect(mail.subject).toContain(`[#${t.number}]`);
    expect(mail.bodyText).toContain("We replaced the fan.");
    expect(mail.bodyText).toContain("Alex, Support");
    expect(mail.bodyText).toContain("The Support team");
    const [entry] = await db.select().from(threadEntries).where(and(eq(threadEntries.ticketId, t.id), eq(threadEntries.type, "response")));
    expect(entry).toMatchObject({ staffId: cast.agentA.id, messageId: mail.messageId });
  });

  it("lets the sender choose the recipients", async () => {
    const { t, c1 } = await ticketWithCollaborators();
    const res = await api(cast.agentA).post<Posted>(reply, `/api/staff/tickets/${t.id}/reply`, p(t), { body: "Only to you", recipients: { user: false, collaborators: [c1.id] }, signature: false });
    // Without the requester the chosen collaborator becomes the To of the mail.
    expect([...res.json.data!.mail.to, ...res.json.data!.mail.cc]).toEqual([c1.email]);
    const [mail] = await mailsOf(t.id);
    expect(mail.bodyText).not.toContain("Alex, Support");
  });

  it.each([
    ["no recipients", { body: "x", recipients: { user: false, collaborators: "none" } }, { recipients: "Choose at least one recipient" }],
    ["a stranger as collaborator", { body: "x", recipients: { collaborators: [999999] } }, { "recipients.collaborators": "Not an active collaborator: 999999" }],
    ["an empty body", { body: "   " }, { body: "Write a message" }],
    ["a bad status", { body: "x", status: "deleted" }, { status: expect.any(String) }],
  ])("refuses %s naming the field, and writes nothing", async (_n, body, errors) => {
    const { t } = await ticketWithCollaborators();
    const res = await api(cast.agentA).post(reply, `/api/staff/tickets/${t.id}/reply`, p(t), body);
    expect(res.status).toBe(400);
    expect(res.json.errors).toEqual(errors);
    expect(await mailsOf(t.id)).toEqual([]);
    expect((await row(t.id)).version).toBe(1);
  });

  it("sanitizes an HTML reply", async () => {
    const { t } = await ticketWithCollaborators();
    const res = await api(cast.agentA).post<Posted>(reply, `/api/staff/tickets/${t.id}/reply`, p(t), { body: '<p onclick="steal()">Hi <b>there</b></p><script>alert(1)</script>', format: "html" });
    const [entry] = await db.select().from(threadEntries).where(eq(threadEntries.id, res.json.data!.entry.id));
    expect(entry.bodyHtml).not.toMatch(/script|onclick/);
    expect(entry.bodyHtml).toContain("<b>there</b>");
    expect(entry.bodyText).toContain("Hi there");
  });

  it("accepts files as multipart; blocked types are left out with a note", async () => {
    const { t } = await ticketWithCollaborators();
    const form = new FormData();
    form.set("body", "Logs attached");
    form.set("status", "awaiting_client");
    form.set("recipients", JSON.stringify({ user: true, collaborators: "none" }));
    form.append("files", new File([Buffer.from("line 1\nline 2\n")], "server.log", { type: "text/plain" }));
    form.append("files", new File([Buffer.from("MZ")], "tool.exe", { type: "application/octet-stream" }));
    const res = await callRoute<Posted>(reply, await staffRequest(`/api/staff/tickets/${t.id}/reply`, { method: "POST", as: cast.agentA, body: form }), p(t));
    expect(res.status).toBe(200);
    expect(res.json.data!.entry.attachments.map((a) => a.name)).toEqual(["server.log"]);
    expect(res.json.data!.dropped).toHaveLength(1);
    expect((await row(t.id)).status).toBe("awaiting_client");
    const [mail] = await mailsOf(t.id);
    expect(mail.attachmentIds).toEqual([res.json.data!.entry.attachments[0].id]);
    const dl = await callRoute(download, await staffRequest(res.json.data!.entry.attachments[0].url, { as: cast.agentA }), { id: String(res.json.data!.entry.attachments[0].id) });
    expect(dl.status).toBe(200);
  });

  it("refuses a budget-locked ticket, a merged child and a stale version with 409; outside the scope 404", async () => {
    const locked = await createTicket(db, { deptId: cast.support.id });
    await db.update(tickets).set({ isBudgetLocked: true }).where(eq(tickets.id, locked.id));
    expect((await api(cast.agentA).post(reply, "/x", p(locked), { body: "x" })).json.message).toMatch(/budget-locked/);
    const [a, b] = [await createTicket(db, { deptId: cast.support.id }), await createTicket(db, { deptId: cast.support.id })];
    await api(cast.agentA).post(merge, "/x", p(a), { tids: [b.id] });
    const child = await api(cast.agentA).post(reply, "/x", p(b), { body: "x" });
    expect(child.status).toBe(409);
    expect(child.json.message).toBe(`Ticket #${b.number} is merged into #${a.number}`);
    const stale = await api(cast.agentA).post(reply, "/x", p(a), { body: "x" }, { "if-match": '"1"' });
    expect(stale.status).toBe(409);
    expect((await api(cast.agentB).post(reply, "/x", p(a), { body: "x" })).status).toBe(404);
  });
});

describe("POST /tickets/{tid}/note", () => {
  it("adds an internal note, mails nobody, records @mentions", async () => {
    const { t } = await ticketWithCollaborators();
    const res = await api(cast.agentA).post<Posted>(note, `/api/staff/tickets/${t.id}/note`, p(t), { body: "@morgan.manager and @agent2 please check; @nobody" });
    expect(res.status).toBe(200);
    expect(res.json.data!.mentions.map((m) => m.id).sort()).toEqual([cast.manager.id, cast.agentB.id].sort());
    expect(await mailsOf(t.id)).toEqual([]);
    const [ev] = await db.select().from(events).where(and(eq(events.ticketId, t.id), eq(events.action, "mentioned")));
    expect(ev.data).toMatchObject({ entryId: res.json.data!.entry.id });
    const [entry] = await db.select().from(threadEntries).where(eq(threadEntries.id, res.json.data!.entry.id));
    expect(entry).toMatchObject({ type: "note", staffId: cast.agentA.id });
    expect((await row(t.id)).isAnswered).toBe(false);
  });
});

describe("POST /tickets (opened by staff)", () => {
  it("opens a ticket for a new user by phone, with an internal note, assigned to the caller", async () => {
    const res = await api(cast.agentA).post<{ id: number; number: string; staffId: number; user: { id: number } }>(openTicket, "/api/staff/tickets", {}, {
      email: "Caller@Example.org",
      name: "Phone Caller",
      subject: "Printer   jammed",
      message: "Called at 9:05, printer on floor 2 jammed.",
      source: "phone",
      deptId: cast.support.id,
      internalNote: "Customer sounded urgent",
      assignToMe: true,
    });
    expect(res.status).toBe(201);
    const t = await row(res.json.data!.id);
    expect(t).toMatchObject({ subject: "Printer jammed", source: "phone", deptId: cast.support.id, staffId: cast.agentA.id });
    const [u] = await db.select().from(users).where(eq(users.id, t.userId));
    expect(u).toMatchObject({ email: "caller@example.org", name: "Phone Caller" });
    const entries = await db.select().from(threadEntries).where(eq(threadEntries.ticketId, t.id)).orderBy(threadEntries.id);
    expect(entries.map((e) => e.type)).toEqual(["message", "note"]);
  });

  it("refuses a department the caller does not work in and leaves nothing behind", async () => {
    const [{ n: before }] = await db.select({ n: count() }).from(tickets);
    const res = await api(cast.agentA).post(openTicket, "/api/staff/tickets", {}, { email: "x@example.org", subject: "s", message: "m", deptId: cast.billing.id });
    expect(res.status).toBe(403);
    expect(res.json.errors).toEqual({ deptId: "Not one of your departments" });
    const [{ n: after }] = await db.select({ n: count() }).from(tickets);
    expect(after).toBe(before);
    expect(await db.select().from(users).where(eq(users.email, "x@example.org"))).toEqual([]);
  });

  it.each([
    [{ subject: "s", message: "m" }, "email"],
    [{ email: "a@example.org", message: "m" }, "subject"],
    [{ email: "a@example.org", subject: "s", message: "m", source: "api" }, "source"],
  ])("names the missing or bad field %#", async (body, field) => {
    const res = await api(cast.agentA).post(openTicket, "/api/staff/tickets", {}, body);
    expect(res.status).toBe(400);
    expect(Object.keys(res.json.errors!)).toEqual([field]);
  });
});

describe("unknown fields in reply, note and staff-opened ticket bodies", () => {
  const entriesOf = (id: number) => db.select().from(threadEntries).where(eq(threadEntries.ticketId, id));

  it("refuses a reply with a misspelt field (JSON) with 400 naming it; nothing is written or mailed", async () => {
    const { t } = await ticketWithCollaborators();
    const before = (await entriesOf(t.id)).length;
    const res = await api(cast.agentA).post(reply, `/api/staff/tickets/${t.id}/reply`, p(t), { body: "x", recipient: { user: false } });
    expect(res.status).toBe(400);
    expect(res.json.message).toBe("Unknown field: recipient");
    expect(res.json.errors).toEqual({ recipient: "unknown field" });
    expect(await mailsOf(t.id)).toEqual([]);
    expect(await entriesOf(t.id)).toHaveLength(before);
  });

  it("refuses unknown multipart field names too, but not the file parts", async () => {
    const { t } = await ticketWithCollaborators();
    const form = new FormData();
    form.set("body", "x");
    form.set("recipient", JSON.stringify({ user: false }));
    form.set("sigature", "false");
    form.append("files", new File([Buffer.from("hello")], "a.txt", { type: "text/plain" }));
    const res = await callRoute(reply, await staffRequest(`/api/staff/tickets/${t.id}/reply`, { method: "POST", as: cast.agentA, body: form }), p(t));
    expect(res.status).toBe(400);
    expect(res.json.errors).toEqual({ recipient: "unknown field", sigature: "unknown field" });
    expect(await mailsOf(t.id)).toEqual([]);
    const ok = new FormData();
    ok.set("body", "x");
    ok.append("files", new File([Buffer.from("hello")], "a.txt", { type: "text/plain" }));
    const good = await callRoute(note, await staffRequest(`/api/staff/tickets/${t.id}/note`, { method: "POST", as: cast.agentA, body: ok }), p(t));
    expect(good.status).toBe(200);
  });

  it("refuses a note with an unknown field and leaves the ticket as it was", async () => {
    const t = await createTicket(db, { deptId: cast.support.id });
    const before = (await entriesOf(t.id)).length;
    const res = await api(cast.agentA).post(note, `/api/staff/tickets/${t.id}/note`, p(t), { body: "x", stauts: "closed" });
    expect(res.status).toBe(400);
    expect(res.json.errors).toEqual({ stauts: "unknown field" });
    expect(await row(t.id)).toMatchObject({ status: "open", version: t.version });
    expect(await entriesOf(t.id)).toHaveLength(before);
  });

  it("refuses a staff-opened ticket with an unknown field (deptID) and creates nothing", async () => {
    const [{ n: before }] = await db.select({ n: count() }).from(tickets);
    const res = await api(cast.agentA).post(openTicket, "/api/staff/tickets", {}, { email: "typo@example.org", subject: "s", message: "m", deptID: cast.billing.id });
    expect(res.status).toBe(400);
    expect(res.json.errors).toEqual({ deptID: "unknown field" });
    const [{ n: after }] = await db.select({ n: count() }).from(tickets);
    expect(after).toBe(before);
    expect(await db.select().from(users).where(eq(users.email, "typo@example.org"))).toEqual([]);
  });
});

describe("If-Match with expectedVersion on entries", () => {
  it("refuses a multipart note whose expectedVersion disagrees with If-Match, and writes nothing", async () => {
    const t = await createTicket(db, { deptId: cast.support.id });
    const form = new FormData();
    form.set("body", "x");
    form.set("expectedVersion", String(t.version + 3));
    const res = await callRoute(note, await staffRequest(`/api/staff/tickets/${t.id}/note`, { method: "POST", as: cast.agentA, body: form, headers: { "if-match": `"${t.version}"` } }), p(t));
    expect(res.status).toBe(400);
    expect(Object.keys(res.json.errors!).sort()).toEqual(["If-Match", "expectedVersion"]);
    expect((await row(t.id)).version).toBe(t.version);
  });
});

describe("notes on a merged child", () => {
  it("are refused with 409 naming the parent, as JSON and as multipart; nothing lands on the child", async () => {
    const [a, b] = [await createTicket(db, { deptId: cast.support.id }), await createTicket(db, { deptId: cast.support.id })];
    expect((await api(cast.agentA).post(merge, "/x", p(a), { tids: [b.id] })).status).toBe(200);
    const json = await api(cast.agentA).post(note, "/x", p(b), { body: "on the child" });
    expect(json.status).toBe(409);
    expect(json.json.message).toBe(`Ticket #${b.number} is merged into #${a.number}`);
    expect(json.json.data).toEqual({ mergedInto: { id: a.id, number: a.number } });
    const form = new FormData();
    form.set("body", "on the child");
    form.append("files", new File([Buffer.from("hello")], "a.txt", { type: "text/plain" }));
    const multi = await callRoute(note, await staffRequest(`/api/staff/tickets/${b.id}/note`, { method: "POST", as: cast.agentA, body: form }), p(b));
    expect(multi.status).toBe(409);
    expect(multi.json.message).toBe(`Ticket #${b.number} is merged into #${a.number}`);
    expect(await db.select().from(threadEntries).where(eq(threadEntries.ticketId, b.id))).toEqual([]);
  });
});

describe("GET /attachments/{id}", () => {
  async function upload(name: string, type: string, bytes: Buffer, deptId = cast.support.id) {
    const t = await createTicket(db, { deptId });
    const form = new FormData();
    form.set("body", "file");
    form.append("files", new File([new Uint8Array(bytes)], name, { type }));
    const res = await callRoute<Posted>(note, await staffRequest("/x", { method: "POST", as: cast.manager, body: form }), p(t));
    return { t, a: res.json.data!.entry.attachments[0] };
  }
  const get = async (as: Cast["admin"] | null, id: number, q = "") => {
    const res = await download(await staffRequest(`/api/staff/attachments/${id}${q}`, { as }), { params: Promise.resolve({ id: String(id) }) });
    return { res, bytes: Buffer.from(await res.arrayBuffer()) };
  };

  it("serves a PNG inline and an HTML or SVG file only as a sandboxed download", async () => {
    const png = await upload("pic.png", "image/png", Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    const { res, bytes } = await get(cast.agentA, png.a.id);
    expect(res.status).toBe(200);
    expect(bytes).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    expect(res.headers.get("content-disposition")).toMatch(/^inline; filename="pic.png"/);
    for (const [name, type] of [["evil.html", "text/html"], ["evil.svg", "image/svg+xml"]]) {
      const f = await upload(name, type, Buffer.from("<script>alert(document.cookie)</script>"));
      const r = (await get(cast.agentA, f.a.id)).res;
      expect(r.headers.get("content-disposition")).toMatch(/^attachment;/);
      expect(r.headers.get("x-content-type-options")).toBe("nosniff");
      expect(r.headers.get("content-security-policy")).toMatch(/sandbox/);
    }
  });

  it("is scoped like its ticket: 404 outside, 401 without a session", async () => {
    const f = await upload("secret.txt", "text/plain", Buffer.from("secret"));
    expect((await get(cast.agentB, f.a.id)).res.status).toBe(404);
    expect((await get(null, f.a.id)).res.status).toBe(401);
    await db.update(tickets).set({ status: "deleted", deletedAt: new Date() }).where(eq(tickets.id, f.t.id));
    expect((await get(cast.agentA, f.a.id)).res.status).toBe(404);
    expect((await get(cast.admin, f.a.id)).res.status).toBe(200);
    expect((await get(cast.admin, 999999)).res.status).toBe(404);
  });
});
