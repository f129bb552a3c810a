// Drafts: save (create or replace per place), read, discard, files (attachment policy), owner
// only (404 for anyone else), consumed by the reply or note sent from their place (files move
// to the entry with their ids), purged after the retention period.
import { eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "@/db/testing";
import { attachments, blobs, drafts, outboundMail, threadEntries } from "@/db/schema";
import { GET as download } from "@/app/api/staff/attachments/[id]/route";
import { POST as note } from "@/app/api/staff/tickets/[tid]/note/route";
import { POST as reply } from "@/app/api/staff/tickets/[tid]/reply/route";
import { runJob } from "@/lib/cron";
import { callRoute, setupTestAuth, staffRequest } from "@/test/auth";
import { setIntakeEnv } from "@/test/intake-env";
import { api } from "@/test/staff-api";
import { type Cast, seedStaffCast } from "@/test/staff-factory";
import { createTicket } from "@/test/ticket-factory";
import { POST as upload } from "./[id]/attachments/route";
import { DELETE as discard, GET as getOne } from "./[id]/route";
import { GET as byPlace, POST as save } from "./route";

setIntakeEnv();
setupTestAuth();
const { db } = await createTestDb();
let cast: Cast;
beforeAll(async () => {
  cast = await seedStaffCast(db);
});

type File = { id: number; name: string; url: string };
type Draft = { id: number; namespace: string; ticketId: number | null; body: string; attachments: File[] };
type Who = Cast["agentA"];
const p = (id: number) => ({ id: String(id) });
const tp = (t: { id: number }) => ({ tid: String(t.id) });

/** A place of its own for each test (drafts are one per staff member and place). */
const scratch = () => `scratch.${Math.random().toString(36).slice(2, 10)}`;
const saveAs = (as: Who, body: unknown) => api(as).post<Draft>(save, "/api/staff/draft", {}, body);
function form(files: Array<[string, string, string?]>) {
  const f = new FormData();
  for (const [name, content, type] of files) f.append("files", new Blob([content], { type: type ?? "text/plain" }), name);
  return f;
}
const uploadAs = (as: Who, id: number, files: Array<[string, string, string?]>) =>
  api(as).post<{ attachments: File[]; dropped: { name: string; reason: string }[] }>(upload, `/api/staff/draft/${id}/attachments`, p(id), form(files));
const fetchFile = async (as: Who, id: number) => callRoute(download, await staffRequest(`/api/staff/attachments/${id}`, { as }), p(id));

describe("POST /draft and GET", () => {
  it("creates the caller's draft for a place, then replaces it; the ticket comes from the namespace", async () => {
    const t = await createTicket(db, { deptId: cast.support.id });
    const first = await saveAs(cast.agentA, { namespace: `ticket.reply.${t.id}`, body: "Dear cust" });
    expect(first.json).toMatchObject({ status: 201, message: "Draft saved", data: { namespace: `ticket.reply.${t.id}`, ticketId: t.id, body: "Dear cust", attachments: [] } });
    const second = await saveAs(cast.agentA, { namespace: `Ticket.Reply.${t.id}`, body: "Dear customer," });
    expect(second.json).toMatchObject({ status: 200, message: "Draft updated", data: { id: first.json.data!.id, body: "Dear customer," } });
    const got = await api(cast.agentA).get<Draft>(byPlace, `/api/staff/draft?namespace=ticket.reply.${t.id}`);
    expect(got.json.data).toMatchObject({ id: first.json.data!.id, body: "Dear customer," });
    expect((await api(cast.agentA).get<Draft>(getOne, `/api/staff/draft/${first.json.data!.id}`, p(first.json.data!.id))).json.data!.body).toBe("Dear customer,");
    // Another staff member's draft for the same place is their own.
    const other = await saveAs(cast.manager, { namespace: `ticket.reply.${t.id}`, body: "Mine" });
    expect(other.json.data!.id).not.toBe(first.json.data!.id);
  });

  it("keeps a new-ticket draft without a ticket", async () => {
    const res = await saveAs(cast.agentA, { namespace: "ticket.new", body: "Caller says..." });
    expect(res.json).toMatchObject({ status: 201, data: { ticketId: null } });
  });

  it.each<[string, (c: Cast) => Promise<Record<string, unknown>>, number, Record<string, unknown>]>([
    ["a bad namespace", async () => ({ namespace: "Ticket Reply!", body: "" }), 400, { message: "Invalid request body", errors: { namespace: 'Dot-separated lower-case words, e.g. "ticket.reply.123" or "ticket.new"' } }],
    ["no body", async () => ({ namespace: "ticket.new" }), 400, { message: "Invalid request body", errors: { body: "body must be a string" } }],
    [
      "a ticket id that contradicts the namespace",
      async () => ({ namespace: "ticket.note.5", body: "x", ticketId: 6 }),
      400,
      { message: "Invalid request body", errors: { ticketId: "Does not match the namespace (ticket 5)" } },
    ],
    [
      "a ticket the caller cannot see",
      async (c) => {
        const t = await createTicket(db, { deptId: c.billing.id });
        return { namespace: `ticket.reply.${t.id}`, body: "x" };
      },
      404,
      { message: expect.stringMatching(/^Ticket \d+ not found$/), errors: {} },
    ],
  ])("refuses %s", async (_n, body, status, expected) => {
    const res = await saveAs(cast.agentA, await body(cast));
    expect(res.json).toEqual({ status, ...expected });
  });

  it("answers data: null for a place without a draft, and for another staff member's place", async () => {
    expect((await api(cast.agentB).get(byPlace, "/api/staff/draft?namespace=ticket.reply.424242")).json).toEqual({ status: 200, message: "No draft for ticket.reply.424242", data: null });
    const t = await createTicket(db, { deptId: cast.support.id });
    await saveAs(cast.agentA, { namespace: `ticket.note.${t.id}`, body: "Only mine" });
    expect((await api(cast.manager).get(byPlace, `/api/staff/draft?namespace=ticket.note.${t.id}`)).json).toMatchObject({ status: 200, data: null });
  });
});

describe("ownership", () => {
  it("hides a draft and its files from everyone but the owner, admins included", async () => {
    const d = (await saveAs(cast.agentA, { namespace: scratch(), body: "private" })).json.data!;
    const file = (await uploadAs(cast.agentA, d.id, [["notes.txt", "secret"]])).json.data!.attachments[0];
    for (const who of [cast.agentB, cast.manager, cast.admin]) {
      expect((await api(who).get(getOne, `/api/staff/draft/${d.id}`, p(d.id))).json).toEqual({ status: 404, message: `Draft ${d.id} not found`, errors: {} });
      expect((await api(who).del(discard, `/api/staff/draft/${d.id}`, p(d.id))).status).toBe(404);
      expect((await uploadAs(who, d.id, [["x.txt", "x"]])).status).toBe(404);
      expect((await fetchFile(who, file.id)).status).toBe(404);
    }
    const mine = await fetchFile(cast.agentA, file.id);
    expect(mine.status).toBe(200);
    expect(mine.json.message).toBe("secret");
  });
});

describe("POST /draft/{id}/attachments", () => {
  it("stores allowed files, reports refused ones, and refuses a request that stores nothing", async () => {
    const d = (await saveAs(cast.agentA, { namespace: scratch(), body: "" })).json.data!;
    const res = await uploadAs(cast.agentA, d.id, [["report.pdf", "%PDF-1.4", "application/pdf"], ["setup.exe", "MZ", "application/octet-stream"]]);
    expect(res.json).toMatchObject({ status: 201, message: "1 file(s) added, 1 refused", data: { attachments: [{ name: "report.pdf", url: expect.stringMatching(/^\/api\/staff\/attachments\/\d+$/) }], dropped: [{ name: "setup.exe", reason: "blocked_type" }] } });
    expect((await api(cast.agentA).get<Draft>(getOne, `/api/staff/draft/${d.id}`, p(d.id))).json.data!.attachments.map((a) => a.name)).toEqual(["report.pdf"]);
    const none = await uploadAs(cast.agentA, d.id, [["run.bat", "@echo"]]);
    expect(none.json).toMatchObject({ status: 400, message: "No file was stored", errors: { files: '"run.bat" was not stored: files of type .bat are blocked' } });
    const empty = await api(cast.agentA).post(upload, `/api/staff/draft/${d.id}/attachments`, p(d.id), {});
    expect(empty.json).toEqual({ status: 400, message: "Validation failed", errors: { files: "Attach at least one file" } });
  });
});

describe("DELETE /draft/{id}", () => {
  it("discards the draft with its files and their bytes", async () => {
    const d = (await saveAs(cast.agentA, { namespace: scratch(), body: "x" })).json.data!;
    const unique = `only-here-${Math.random()}`;
    const file = (await uploadAs(cast.agentA, d.id, [["a.txt", unique]])).json.data!.attachments[0];
    const [{ blobSha256 }] = await db.select().from(attachments).where(eq(attachments.id, file.id));
    expect((await api(cast.agentA).del(discard, `/api/staff/draft/${d.id}`, p(d.id))).json).toMatchObject({ status: 200, message: "Draft discarded" });
    expect(await db.select().from(drafts).where(eq(drafts.id, d.id))).toEqual([]);
    expect(await db.select().from(attachments).where(eq(attachments.id, file.id))).toEqual([]);
    expect(await db.select().from(blobs).where(eq(blobs.sha256, blobSha256))).toEqual([]);
  });
});

describe("sending consumes the draft", () => {
  it("a reply takes the reply draft's files (same ids, now the ticket's) and deletes the draft", async () => {
    const t = await createTicket(db, { deptId: cast.support.id });
    const d = (await saveAs(cast.agentA, { namespace: `ticket.reply.${t.id}`, body: "See attached" })).json.data!;
    const noteDraft = (await saveAs(cast.agentA, { namespace: `ticket.note.${t.id}`, body: "internal" })).json.data!;
    const [file] = (await uploadAs(cast.agentA, d.id, [["invoice.pdf", "%PDF", "application/pdf"]])).json.data!.attachments;
    const res = await api(cast.agentA).post<{ draftId: number; entry: { id: number; attachments: File[] }; mail: { id: number } }>(reply, `/api/staff/tickets/${t.id}/reply`, tp(t), {
      body: `See <a href="${file.url}">the invoice</a>`,
    });
    expect(res.status).toBe(200);
    expect(res.json.data).toMatchObject({ draftId: d.id, entry: { attachments: [{ id: file.id, name: "invoice.pdf", url: file.url }] } });
    const [row] = await db.select().from(attachments).where(eq(attachments.id, file.id));
    expect(row).toMatchObject({ ticketId: t.id, entryId: res.json.data!.entry.id });
    const [mail] = await db.select().from(outboundMail).where(eq(outboundMail.id, res.json.data!.mail.id));
    expect(mail.attachmentIds).toEqual([file.id]);
    expect(await db.select().from(drafts).where(eq(drafts.id, d.id))).toEqual([]);
    // The note draft of the same ticket is another place: it stays.
    expect(await db.select().from(drafts).where(eq(drafts.id, noteDraft.id))).toHaveLength(1);
    // Now a ticket file: colleagues in the department see it.
    expect((await fetchFile(cast.manager, file.id)).status).toBe(200);
  });

  it("a note consumes the note draft; attachmentIds picks files, the rest go with the draft", async () => {
    const t = await createTicket(db, { deptId: cast.support.id });
    const d = (await saveAs(cast.agentA, { namespace: `ticket.note.${t.id}`, body: "x" })).json.data!;
    const files = (await uploadAs(cast.agentA, d.id, [["keep.txt", `keep ${Math.random()}`], ["drop.txt", `drop ${Math.random()}`]])).json.data!.attachments;
    const res = await api(cast.agentA).post<{ draftId: number; entry: { attachments: File[] } }>(note, `/api/staff/tickets/${t.id}/note`, tp(t), { body: "Logged", attachmentIds: [files[0].id] });
    expect(res.json.data).toMatchObject({ draftId: d.id, entry: { attachments: [{ id: files[0].id }] } });
    expect((await db.select().from(attachments).where(inArray(attachments.id, files.map((f) => f.id)))).map((a) => a.id)).toEqual([files[0].id]);
  });

  it("refuses files that are not the sender's draft files, writing nothing", async () => {
    const t = await createTicket(db, { deptId: cast.support.id });
    const theirs = (await saveAs(cast.manager, { namespace: `ticket.reply.${t.id}`, body: "x" })).json.data!;
    const [file] = (await uploadAs(cast.manager, theirs.id, [["m.txt", "m"]])).json.data!.attachments;
    const res = await api(cast.agentA).post(reply, `/api/staff/tickets/${t.id}/reply`, tp(t), { body: "Hi", attachmentIds: [file.id, 999999] });
    expect(res.json).toEqual({ status: 400, message: "Validation failed", errors: { attachmentIds: `Not a file of your drafts: ${file.id}, 999999` } });
    expect(await db.select().from(threadEntries).where(sql`${threadEntries.ticketId} = ${t.id} AND ${threadEntries.type} = 'response'`)).toEqual([]);
    expect((await db.select().from(attachments).where(eq(attachments.id, file.id)))[0].entryId).toBeNull();
  });
});

describe("purge-drafts job", () => {
  it("deletes drafts untouched for 30 days with their files, keeps recent ones", async () => {
    const old = (await saveAs(cast.agentB, { namespace: scratch(), body: "old" })).json.data!;
    const [file] = (await uploadAs(cast.agentB, old.id, [["old.txt", `old ${Math.random()}`]])).json.data!.attachments;
    await db.update(drafts).set({ updatedAt: new Date(Date.now() - 31 * 86_400_000) }).where(eq(drafts.id, old.id));
    const fresh = (await saveAs(cast.agentB, { namespace: "task.new", body: "fresh" })).json.data!;
    const run = await runJob(db, "purge-drafts", "test");
    expect(run).toMatchObject({ outcome: "ok", counts: { drafts: 1, attachments: 1, blobs: 1 } });
    expect(await db.select().from(drafts).where(eq(drafts.id, old.id))).toEqual([]);
    expect(await db.select().from(attachments).where(eq(attachments.id, file.id))).toEqual([]);
    expect(await db.select().from(drafts).where(eq(drafts.id, fresh.id))).toHaveLength(1);
  });
});
