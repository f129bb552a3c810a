// GET /api/staff/tickets/{tid}: the ticket with everything the view needs, scoped.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "@/db/testing";
import { ticketCollaborators, tickets } from "@/db/schema";
import type { TicketDetail } from "@/lib/tickets";
import { setupTestAuth } from "@/test/auth";
import { createUser } from "@/test/factories";
import { api } from "@/test/staff-api";
import { type Cast, seedStaffCast } from "@/test/staff-factory";
import { addAttachment, addEntry, createTicket } from "@/test/ticket-factory";
import { DELETE, GET, PATCH } from "./route";

setupTestAuth();
const { db } = await createTestDb();
let cast: Cast;
let ticket: Awaited<ReturnType<typeof createTicket>>;
beforeAll(async () => {
  cast = await seedStaffCast(db);
  ticket = await createTicket(db, { deptId: cast.support.id, subject: "Printer on fire", createdAt: new Date("2025-03-01T09:00:00Z") });
  const note = await addEntry(db, { ticketId: ticket.id, type: "note", staffId: cast.agentA.id, text: "Checked it", createdAt: new Date("2025-03-01T10:00:00Z") });
  await addAttachment(db, { ticketId: ticket.id, entryId: note.id, name: "photo.png", bytes: Buffer.from("png-bytes"), contentType: "image/png" });
  const cc = await createUser(db, "cc@example.net", "Cee Cee");
  await db.insert(ticketCollaborators).values({ ticketId: ticket.id, userId: cc.id });
});

const path = (id: number) => `/api/staff/tickets/${id}`;

describe("GET /api/staff/tickets/{tid}", () => {
  it("answers the ticket with people, thread, attachments, events, version and capabilities", async () => {
    const res = await api(cast.agentA).get<TicketDetail>(GET, path(ticket.id), { tid: String(ticket.id) });
    expect(res.status).toBe(200);
    const t = res.json.data!;
    expect(res.headers.get("etag")).toBe(`"${t.version}"`);
    expect(t).toMatchObject({ id: ticket.id, number: ticket.number, subject: "Printer on fire", status: "open", department: { name: "Support" }, priority: { name: "Normal" } });
    expect(t.user.email).toMatch(/@example\.net$/);
    expect(t.collaborators).toEqual([{ userId: expect.any(Number), name: "Cee Cee", email: "cc@example.net", isActive: true }]);
    expect(t.thread.map((e) => e.type)).toEqual(["message", "note"]);
    expect(t.thread[1].attachments).toEqual([
      { id: expect.any(Number), name: "photo.png", contentType: "image/png", size: 9, isInline: false, contentId: null, url: expect.stringMatching(/^\/api\/staff\/attachments\/\d+$/) },
    ]);
    expect(t.attachmentCount).toBe(1);
    expect(t.can).toMatchObject({ reply: true, claim: true, release: false, delete: false, restore: false });
    expect(t.mergedInto).toBeNull();
  });

  it("answers 404 outside the caller's scope and for unknown ids, the same way", async () => {
    const outside = await api(cast.agentB).get(GET, path(ticket.id), { tid: String(ticket.id) });
    const unknown = await api(cast.agentB).get(GET, path(999999), { tid: "999999" });
    expect(outside.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(outside.json.message.replace(String(ticket.id), "N")).toBe(unknown.json.message.replace("999999", "N"));
  });

  it("shows a deleted ticket only to those who may restore it", async () => {
    const t = await createTicket(db, { deptId: cast.support.id });
    expect((await api(cast.manager).del(DELETE, path(t.id), { tid: String(t.id) })).status).toBe(200);
    expect((await api(cast.agentA).get(GET, path(t.id), { tid: String(t.id) })).status).toBe(404);
    const asAdmin = await api(cast.admin).get<TicketDetail>(GET, path(t.id), { tid: String(t.id) });
    expect(asAdmin.status).toBe(200);
    expect(asAdmin.json.data!.status).toBe("deleted");
    expect(asAdmin.json.data!.can.restore).toBe(true);
  });
});

describe("PATCH /api/staff/tickets/{tid}", () => {
  it("edits fields, records one event with before and after, and bumps the version", async () => {
    const t = await createTicket(db, { deptId: cast.support.id, subject: "Old subject" });
    const newOwner = await createUser(db);
    const cc = await createUser(db);
    const res = await api(cast.agentA).patch(PATCH, path(t.id), { tid: String(t.id) }, {
      subject: "New subject",
      dueAt: "2030-01-02T03:04:05Z",
      userId: newOwner.id,
      collaborators: { add: [cc.id] },
      docsRequired: true,
    });
    expect(res.status).toBe(200);
    expect(res.json.data).toMatchObject({ subject: "New subject", version: t.version + 1, changed: ["subject", "dueAt", "userId", "docsRequired", "collaborators"] });
    const view = (await api(cast.agentA).get<TicketDetail>(GET, path(t.id), { tid: String(t.id) })).json.data!;
    expect(view.user.id).toBe(newOwner.id);
    expect(view.docs.required).toBe(true);
    expect(view.collaborators.map((c) => c.userId)).toEqual([cc.id]);
    const edited = view.events.find((e) => e.action === "edited")!;
    expect(edited.staff).toEqual({ id: cast.agentA.id, name: "Alex Agent" });
    expect(edited.before).toMatchObject({ subject: "Old subject" });
    expect(edited.after).toMatchObject({ subject: "New subject", dueAt: "2030-01-02T03:04:05.000Z" });
  });

  it.each([
    [{ subject: "" }, "subject", "Subject is required"],
    [{ subject: "x".repeat(256) }, "subject", "Subject is at most 255 characters"],
    [{ priorityId: 99999 }, "priorityId", "No active priority 99999"],
    [{ topicId: 99999 }, "topicId", "No active topic 99999"],
    [{ userId: 99999 }, "userId", "Unknown user 99999"],
    [{ dueAt: "tomorrow" }, "dueAt", expect.any(String)],
    [{}, "_", "Nothing to change"],
  ])("refuses %j naming %s", async (body, field, message) => {
    const res = await api(cast.agentA).patch(PATCH, path(ticket.id), { tid: String(ticket.id) }, body);
    expect(res.status).toBe(400);
    expect(res.json.errors).toEqual({ [field]: message });
  });

  it("refuses If-Match and expectedVersion that disagree with 400 naming both; either alone, or both equal, is used", async () => {
    const t = await createTicket(db, { deptId: cast.support.id, staffId: cast.agentA.id });
    const p = { tid: String(t.id) };
    const clash = await api(cast.agentA).patch(PATCH, path(t.id), p, { subject: "clash", expectedVersion: t.version + 3 }, { "if-match": `"${t.version}"` });
    expect(clash.status).toBe(400);
    expect(Object.keys(clash.json.errors!).sort()).toEqual(["If-Match", "expectedVersion"]);
    expect(clash.json.message).toMatch(/If-Match .* and expectedVersion .* disagree/);
    const reversed = await api(cast.agentA).patch(PATCH, path(t.id), p, { subject: "clash", expectedVersion: t.version }, { "if-match": `"${t.version + 3}"` });
    expect(reversed.status).toBe(400);
    expect((await db.select().from(tickets).where(eq(tickets.id, t.id)))[0]).toMatchObject({ subject: t.subject, version: t.version });
    const staleBody = await api(cast.agentA).patch(PATCH, path(t.id), p, { subject: "x", expectedVersion: t.version + 3 });
    expect(staleBody.status).toBe(409);
    const both = await api(cast.agentA).patch(PATCH, path(t.id), p, { subject: "both", expectedVersion: t.version }, { "if-match": `"${t.version}"` });
    expect(both.status).toBe(200);
  });

  it("refuses a stale If-Match with 409 naming the current state", async () => {
    const t = await createTicket(db, { deptId: cast.support.id, staffId: cast.agentA.id });
    const res = await api(cast.agentA).patch(PATCH, path(t.id), { tid: String(t.id) }, { subject: "x" }, { "if-match": `"${t.version + 5}"` });
    expect(res.status).toBe(409);
    expect(res.json.message).toMatch(/changed by someone else \(now version 1, status open, assigned to Alex Agent\)/);
    expect(res.json.data).toMatchObject({ version: 1, assignee: { staff: { id: cast.agentA.id, name: "Alex Agent" }, team: null } });
    const [row] = await db.select().from(tickets).where(eq(tickets.id, t.id));
    expect(row.subject).not.toBe("x");
  });
});
