// Each rule of the pipeline, through the webhook and tickets.email routes, on a real database.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { asc, count, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { createTestDb } from "@/db/testing";
import { attachments, events, inboundMessages, outboundMail, staff, threadEntries, ticketCollaborators, ticketLinks, tickets, users } from "@/db/schema";
import { updateSettings } from "@/lib/config/settings";
import { POST as webhook } from "@/app/api/inbound/email/route";
import { POST as ticketsEmail } from "@/app/api/tickets.email/route";
import { seedBasics } from "@/test/factories";
import { deliver, INBOUND_SECRET, resetIntake } from "@/test/inbound-doors";
import { setApiEnv } from "@/test/intake-env";
import { apiRequest } from "@/test/intake-http";

let db: Db;
let key: string;

beforeAll(async () => {
  setApiEnv({ INBOUND_EMAIL_SECRET: INBOUND_SECRET });
  db = (await createTestDb()).db;
  key = (await seedBasics(db)).seed.apiKey!;
});
beforeEach(async () => {
  await resetIntake(db);
  await updateSettings(db, { banList: [], maxTicketsPerSenderPerHour: 20, supportAddresses: ["help@example.com"], maxCollaboratorsPerMail: 10 });
});

let seq = 0;
function mail(h: { from?: string; to?: string; cc?: string; subject?: string; id?: string; inReplyTo?: string; extra?: string[]; body?: string } = {}): Buffer {
  const lines = [
    `From: ${h.from ?? "Rita Client <rita@client.example>"}`,
    `To: ${h.to ?? "support@example.com"}`,
    ...(h.cc ? [`Cc: ${h.cc}`] : []),
    `Subject: ${h.subject ?? "Printer broken"}`,
    `Message-ID: <${h.id ?? `rule-${++seq}-${Date.now()}@client.example`}>`,
    ...(h.inReplyTo ? [`In-Reply-To: <${h.inReplyTo}>`] : []),
    ...(h.extra ?? []),
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=UTF-8",
    "",
    h.body ?? "It does not print.",
    "",
  ];
  return Buffer.from(lines.join("\r\n"));
}
const send = (raw: Buffer) => deliver(db, "webhook", raw, { key });
const entries = (tid: number) => db.select().from(threadEntries).where(eq(threadEntries.ticketId, tid)).orderBy(asc(threadEntries.id));
const ticket = async (tid: number) => (await db.select().from(tickets).where(eq(tickets.id, tid)))[0];

describe("who posts what", () => {
  it("owner and collaborator post messages; staff post internal notes; an unknown sender becomes a collaborator", async () => {
    const first = await send(mail({ id: "own-1@client.example", cc: "Carl <carl@client.example>, Help <help@example.com>, Admin <admin@example.com>" }));
    const collabs = await db.select({ email: users.email }).from(ticketCollaborators).innerJoin(users, eq(users.id, ticketCollaborators.userId)).where(eq(ticketCollaborators.ticketId, first.tid!));
    // Cc'd people become collaborators; our own aliases and staff do not.
    expect(collabs.map((c) => c.email)).toEqual(["carl@client.example"]);
    await send(mail({ from: "carl@client.example", inReplyTo: "own-1@client.example", subject: "Re: Printer broken" }));
    await send(mail({ from: "Admin <ADMIN@example.com>", inReplyTo: "own-1@client.example", subject: "Re: Printer broken" }));
    const stranger = await send(mail({ from: "Zed Stranger <zed@else.example>", inReplyTo: "own-1@client.example", subject: "Re: Printer broken" }));
    expect(stranger.outcome).toBe("appended");
    const list = await entries(first.tid!);
    expect(list.map((e) => [e.type, e.posterEmail])).toEqual([
      ["message", "rita@client.example"],
      ["message", "carl@client.example"],
      ["note", "admin@example.com"],
      ["message", "zed@else.example"],
    ]);
    // A staff address alone is not proof (From is easy to forge): this reply answers the client's
    // mail, not one sent to the admin, so it is an internal note in nobody's name.
    expect(list[2].staffId).toBeNull();
    expect(list[2].posterName).toMatch(/unverified/);
    expect(list[3].posterName).toBe("Zed Stranger");
    const after = await db.select().from(ticketCollaborators).where(eq(ticketCollaborators.ticketId, first.tid!));
    expect(after).toHaveLength(2);
    // Follow-ups get no auto-response.
    expect((await db.select().from(outboundMail).where(eq(outboundMail.kind, "auto_response"))).length).toBe(1);
  });

  it("a staff member's reply to mail the help desk sent them is an internal note in their name", async () => {
    const first = await send(mail({ id: "own-staff-1@client.example" }));
    const [admin] = await db.select().from(staff).where(eq(staff.email, "admin@example.com"));
    // What the help desk sent the admin about this ticket (an alert, a notification).
    const messageId = `alert-${first.tid}.test@example.com`;
    await db.insert(outboundMail).values({ kind: "new_ticket_alert", ticketId: first.tid!, fromAddress: "help@example.com", to: ["Admin@Example.com"], subject: "New ticket", bodyText: "x", messageId });
    await send(mail({ from: "Admin <admin@example.com>", id: "staff-answer-1@example.com", inReplyTo: messageId, extra: [`References: <own-staff-1@client.example> <${messageId}>`], subject: "Re: Printer broken" }));
    const list = await entries(first.tid!);
    expect(list.map((e) => [e.type, e.staffId])).toEqual([
      ["message", null],
      ["note", admin.id],
    ]);
    // Forged: the same From, answering the client's own mail.
    await send(mail({ from: "Admin <admin@example.com>", id: "forged-1@evil.example", inReplyTo: "own-staff-1@client.example", subject: "Re: Printer broken" }));
    expect((await entries(first.tid!)).at(-1)).toMatchObject({ type: "note", staffId: null, posterEmail: "admin@example.com" });
  });

  it("a subject tag only threads for the owner or a collaborator", async () => {
    const first = await send(mail());
    const other = await send(mail({ from: "mallory@evil.example", subject: `Re: [#${first.number}] Printer broken` }));
    expect(other.outcome).toBe("created");
    expect(other.tid).not.toBe(first.tid);
    const owner = await send(mail({ subject: `Re: [#${first.number}] Printer broken` }));
    expect(owner.tid).toBe(first.tid);
  });
});

describe("reopen rules", () => {
  it("a reply reopens a closed ticket (recomputing the due date), answers an awaiting-client one", async () => {
    const first = await send(mail({ id: "reopen-1@client.example" }));
    await db.update(tickets).set({ status: "closed", closedAt: new Date(), dueAt: new Date(0), isOverdue: true }).where(eq(tickets.id, first.tid!));
    const r = await send(mail({ inReplyTo: "reopen-1@client.example" }));
    expect(r.outcome).toBe("appended");
    const t = await ticket(first.tid!);
    expect([t.status, t.closedAt, t.isOverdue]).toEqual(["open", null, false]);
    expect(t.reopenedAt).not.toBeNull();
    expect(t.dueAt!.getTime()).toBeGreaterThan(Date.now());
    const ev = await db.select().from(events).where(eq(events.ticketId, first.tid!));
    expect(ev.find((e) => e.action === "message_added" && (e.before as { status?: string })?.status === "closed")).toBeTruthy();
    await db.update(tickets).set({ status: "awaiting_client" }).where(eq(tickets.id, first.tid!));
    await send(mail({ inReplyTo: "reopen-1@client.example" }));
    expect((await ticket(first.tid!)).status).toBe("open");
  });

  it("a reply to an archived ticket opens a new ticket linked to it", async () => {
    const first = await send(mail({ id: "arch-1@client.example" }));
    await db.update(tickets).set({ status: "archived" }).where(eq(tickets.id, first.tid!));
    const r = await send(mail({ inReplyTo: "arch-1@client.example", subject: "Re: Printer broken" }));
    expect(r.outcome).toBe("created");
    expect(r.tid).not.toBe(first.tid);
    expect((await ticket(first.tid!)).status).toBe("archived");
    const notes = (await entries(r.tid!)).filter((e) => e.type === "note");
    expect(notes[0].bodyText).toContain(`Continues ticket #${first.number} (archived)`);
    const ev = await db.select().from(events).where(eq(events.ticketId, first.tid!));
    expect(ev.map((e) => e.action)).toContain("continued_in");
    const links = await db.select().from(ticketLinks).where(eq(ticketLinks.childId, r.tid!));
    expect(links.map((l) => [l.parentId, l.kind])).toEqual([[first.tid, "link"]]);
  });

  it("an automatic reply never reopens, and mail to a merged ticket lands on its parent", async () => {
    const a = await send(mail({ id: "merge-a@client.example" }));
    const b = await send(mail({ id: "merge-b@client.example", subject: "Other" }));
    await db.update(tickets).set({ status: "closed", mergedIntoId: a.tid }).where(eq(tickets.id, b.tid!));
    const r = await send(mail({ inReplyTo: "merge-b@client.example" }));
    expect(r.tid).toBe(a.tid);
    await db.update(tickets).set({ status: "closed" }).where(eq(tickets.id, a.tid!));
    const ooo = await send(mail({ inReplyTo: "merge-a@client.example", extra: ["Auto-Submitted: auto-replied"], subject: "Automatic reply" }));
    expect(ooo.outcome).toBe("autoreply");
    expect((await ticket(a.tid!)).status).toBe("closed");
  });
});

describe("guards", () => {
  it("refuses banned senders (403 / exit 77) and records them", async () => {
    await updateSettings(db, { banList: ["@spam.example"] });
    const r = await send(mail({ from: "x@spam.example" }));
    expect([r.status, r.outcome]).toEqual([403, "refused"]);
    const pipe = await deliver(db, "pipe", mail({ from: "y@spam.example" }), { key });
    expect(pipe.exitCode).toBe(77);
    const api = await ticketsEmail(apiRequest("/api/tickets.email", new Uint8Array(mail({ from: "z@spam.example" })), { key }));
    expect(api.status).toBe(403);
    const log = await db.select().from(inboundMessages);
    expect(log.map((l) => [l.outcome, l.reason])).toEqual([
      ["refused", "sender x@spam.example is banned"],
      ["refused", "sender y@spam.example is banned"],
      ["refused", "sender z@spam.example is banned"],
    ]);
    expect(log.every((l) => l.rawSha256)).toBe(true);
    expect((await db.select({ n: count() }).from(tickets))[0].n).toBe(0);
  });

  it("stops one sender from opening more than N tickets an hour", async () => {
    await updateSettings(db, { maxTicketsPerSenderPerHour: 2 });
    const outcomes = [];
    for (let i = 0; i < 4; i++) outcomes.push((await send(mail({ subject: `Loop ${i}` }))).outcome);
    expect(outcomes).toEqual(["created", "created", "refused", "refused"]);
  });

  it("holds the per-sender limit when the mails arrive in parallel", async () => {
    await updateSettings(db, { maxTicketsPerSenderPerHour: 3 });
    const outcomes = await Promise.all(Array.from({ length: 12 }, (_, i) => send(mail({ from: "Para <para@client.example>", subject: `Parallel ${i}` })).then((r) => r.outcome)));
    expect(outcomes.filter((o) => o === "created")).toHaveLength(3);
    expect(outcomes.filter((o) => o === "refused")).toHaveLength(9);
  });

  it("adds at most maxCollaboratorsPerMail collaborators from one mail; a note says how many were left out", async () => {
    const many = Array.from({ length: 500 }, (_, i) => `Person ${i} <p${i}@many.example>`);
    // Staff, our own aliases and repeated addresses do not count against the limit.
    const cc = ["Admin <admin@example.com>", "Help <help@example.com>", "Again <P0@many.example>", ...many].join(",\r\n ");
    const r = await send(mail({ cc }));
    expect(r.outcome).toBe("created");
    const collabs = await db.select({ email: users.email }).from(ticketCollaborators).innerJoin(users, eq(users.id, ticketCollaborators.userId)).where(eq(ticketCollaborators.ticketId, r.tid!));
    expect(collabs.map((c) => c.email).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `p${i}@many.example`).sort());
    expect((await db.select({ n: count() }).from(users))[0].n).toBe(11);
    const notes = (await entries(r.tid!)).filter((e) => e.type === "note");
    expect(notes).toHaveLength(1);
    expect(notes[0].bodyText).toMatch(/^490 more addresses in To\/Cc were not added as collaborators \(at most 10 from one mail; setting maxCollaboratorsPerMail\): p10@many\.example, p11@many\.example, .*p29@many\.example, and 470 more\.$/);
    const [created] = await db.select().from(events).where(eq(events.action, "created"));
    expect(created.data).toMatchObject({ collaboratorsLeftOut: 490 });

    await updateSettings(db, { maxCollaboratorsPerMail: 0 });
    const none = await send(mail({ cc: "Carl <carl@client.example>", subject: "Nobody else" }));
    expect(await db.select().from(ticketCollaborators).where(eq(ticketCollaborators.ticketId, none.tid!))).toEqual([]);
    expect((await entries(none.tid!)).find((e) => e.type === "note")?.bodyText).toMatch(/^1 more address in To\/Cc was not added as collaborators \(at most 0 from one mail; setting maxCollaboratorsPerMail\): carl@client\.example\.$/);
  });

  it("mail from our own addresses is refused as a loop; no header block is 400 / exit 65", async () => {
    const own = await send(mail({ from: "Help <HELP@example.com>" }));
    expect(own.outcome).toBe("refused");
    const junk = Buffer.from("this is not an email at all, just text without headers\n");
    expect((await send(junk)).status).toBe(400);
    expect((await deliver(db, "pipe", junk, { key })).exitCode).toBe(65);
  });

  it("a message with no Message-ID gets a stable synthetic one (redelivery is a duplicate)", async () => {
    const raw = Buffer.from("From: a@client.example\r\nTo: support@example.com\r\nSubject: No id\r\n\r\nhello\r\n");
    const one = await send(raw);
    const two = await send(raw);
    expect([one.outcome, two.outcome]).toEqual(["created", "duplicate"]);
    expect(two.tid).toBe(one.tid);
  });

  it("a broken MIME structure still produces a ticket", async () => {
    const raw = Buffer.from('From: b@client.example\r\nSubject: Broken\r\nContent-Type: multipart/mixed; boundary="x"\r\n\r\n--x\r\nContent-Type: text/plain\r\n\r\npartial body without end');
    const r = await send(raw);
    expect(r.outcome).toBe("created");
    expect((await entries(r.tid!))[0].bodyText).toContain("partial body");
  });
});

describe("webhook door", () => {
  const post = (headers: Record<string, string>, body: BodyInit) => webhook(new Request("http://localhost/api/inbound/email", { method: "POST", headers, body }));

  it("needs the secret: 503 unset, 401 wrong, header or basic-auth password", async () => {
    setApiEnv({ INBOUND_EMAIL_SECRET: undefined });
    expect((await post({ "x-inbound-secret": "x" }, new Uint8Array(mail()))).status).toBe(503);
    setApiEnv({ INBOUND_EMAIL_SECRET: INBOUND_SECRET });
    expect((await post({ "x-inbound-secret": "wrong" }, new Uint8Array(mail()))).status).toBe(401);
    const basic = `Basic ${Buffer.from(`inbound:${INBOUND_SECRET}`).toString("base64")}`;
    const ok = await post({ authorization: basic, "content-type": "message/rfc822" }, new Uint8Array(mail()));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ outcome: "created", number: expect.stringMatching(/^\d{6}$/), tid: expect.any(Number) });
  });

  it.each(["email", "body-mime", "raw", "message"])("takes the raw MIME from a multipart field named %s", async (field) => {
    const form = new FormData();
    form.set("to", "support@example.com");
    form.set(field, mail({ subject: `Form ${field}` }).toString("utf8"));
    const res = await post({ "x-inbound-secret": INBOUND_SECRET }, form);
    expect(res.status).toBe(200);
    const [t] = await db.select().from(tickets).where(eq(tickets.id, (await res.json()).tid));
    expect(t.subject).toBe(`Form ${field}`);
  });

  it("a form without a raw message field is a 400 naming the fields", async () => {
    const form = new FormData();
    form.set("text", "hello");
    const res = await post({ "x-inbound-secret": INBOUND_SECRET }, form);
    expect(res.status).toBe(400);
    expect((await res.json()).message).toContain("email, body-mime, raw, message");
  });

  it("tickets.email answers the bare number: new, reply and duplicate alike", async () => {
    const raw = mail({ id: "api-door@client.example" });
    const first = await ticketsEmail(apiRequest("/api/tickets.email", new Uint8Array(raw), { key }));
    expect(first.status).toBe(201);
    const number = (await first.text()).trim();
    const again = await ticketsEmail(apiRequest("/api/tickets.email", new Uint8Array(raw), { key }));
    expect([again.status, (await again.text()).trim()]).toEqual([201, number]);
    const reply = await ticketsEmail(apiRequest("/api/tickets.email", new Uint8Array(mail({ inReplyTo: "api-door@client.example" })), { key }));
    expect([reply.status, (await reply.text()).trim()]).toEqual([201, number]);
    const files = await db.select().from(attachments);
    expect(files).toEqual([]);
    const [s] = await db.select().from(staff).limit(1);
    expect(s).toBeTruthy();
  });
});
