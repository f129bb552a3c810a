// Cases 01, 02, 05, 15 and 20 (threading, auto-replies, loops) delivered through every door.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { and, asc, count, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { createTestDb } from "@/db/testing";
import { outboundMail, staff, threadEntries, ticketCollaborators, tickets, users } from "@/db/schema";
import { caseInput } from "@/lib/email/test-support";
import { postStaffReply } from "@/lib/threads";
import { seedBasics } from "@/test/factories";
import { type Door, DOORS, deliver, INBOUND_SECRET, resetIntake, startWebhookServer } from "@/test/inbound-doors";
import { setApiEnv } from "@/test/intake-env";

let db: Db;
let key: string;
let server: Awaited<ReturnType<typeof startWebhookServer>>;
const doors: Door[] = [...DOORS, "pipe-server"];

beforeAll(async () => {
  setApiEnv({ INBOUND_EMAIL_SECRET: INBOUND_SECRET });
  db = (await createTestDb()).db;
  key = (await seedBasics(db)).seed.apiKey!;
  server = await startWebhookServer();
});
afterAll(() => server.close());

const ticketCount = async () => (await db.select({ n: count() }).from(tickets))[0].n;
const entriesOf = (tid: number) => db.select().from(threadEntries).where(eq(threadEntries.ticketId, tid)).orderBy(asc(threadEntries.createdAt), asc(threadEntries.id));
const mailsTo = (address: string) => db.select().from(outboundMail).where(sql`${address} = ANY(${outboundMail.to})`).orderBy(desc(outboundMail.id));
const angle = (id: string) => `<${id}>`;

describe.each(doors)("through %s", (door) => {
  const send = (raw: Buffer) => deliver(db, door, raw, { key, serverUrl: server.url });
  beforeEach(() => resetIntake(db));

  it("case 01: a Cc'd person's reply-all joins the ticket; redelivery is idempotent", async () => {
    const first = await send(caseInput("01-cc-reply-all-threading/1-original.eml"));
    expect(first.outcome).toBe("created");
    const reply = await send(caseInput("01-cc-reply-all-threading/2-reply-all.eml"));
    expect(reply.outcome).toBe("appended");
    for (const f of ["1-original.eml", "2-reply-all.eml"]) {
      const again = await send(caseInput(`01-cc-reply-all-threading/${f}`));
      expect(again.status).toBeLessThan(300);
      expect(again.outcome).toBe("duplicate");
    }
    expect(await ticketCount()).toBe(1);
    const [t] = await db.select().from(tickets);
    expect(t.subject).toBe("VPN drops every 10 minutes");
    const [owner] = await db.select().from(users).where(eq(users.id, t.userId));
    expect(owner.email).toBe("dana.whitfield@customer.example.com");
    const entries = await entriesOf(t.id);
    expect(entries.map((e) => [e.type, e.posterEmail])).toEqual([
      ["message", "dana.whitfield@customer.example.com"],
      ["message", "lee.ortega@customer.example.com"],
    ]);
    const collabs = await db.select({ email: users.email }).from(ticketCollaborators).innerJoin(users, eq(users.id, ticketCollaborators.userId)).where(eq(ticketCollaborators.ticketId, t.id));
    expect(collabs.map((c) => c.email)).toEqual(["lee.ortega@customer.example.com"]);
    const acks = await db.select().from(outboundMail).where(eq(outboundMail.kind, "auto_response"));
    expect(acks).toHaveLength(1);
  });

  it("case 02: replies to our auto-acknowledgement and to an agent reply thread by In-Reply-To", async () => {
    const first = await send(caseInput("02-reply-to-autoack/1-new.eml"));
    const tid = first.tid!;
    const [ack] = await mailsTo("priya.raman@example.net");
    expect(ack.kind).toBe("auto_response");
    await send(caseInput("02-reply-to-autoack/2-reply-to-ack.eml.tmpl", { ACK_MESSAGE_ID: angle(ack.messageId) }));
    const [agent] = await db.select().from(staff).limit(1);
    const reply = await postStaffReply(db, { ticketId: tid, staffId: agent.id, body: { text: "Here is a new link.", html: "<p>Here is a new link.</p>" }, to: ["priya.raman@example.net"] });
    const out = reply.mail.mail!;
    expect(out.inReplyTo).toBe("inv-pdf-0002@mail.example.net");
    expect(out.references?.[0]).toBe("inv-pdf-0001@mail.example.net");
    const last = await send(caseInput("02-reply-to-autoack/3-reply-to-agent.eml.tmpl", { AGENT_REPLY_MESSAGE_ID: angle(out.messageId) }));
    expect(last.tid).toBe(tid);
    expect((await db.select({ n: count() }).from(tickets).where(eq(tickets.userId, (await db.select().from(tickets).where(eq(tickets.id, tid)))[0].userId)))[0].n).toBe(1);
    const entries = await entriesOf(tid);
    expect(entries.map((e) => e.type)).toEqual(["message", "message", "response", "message"]);
    const [t] = await db.select().from(tickets).where(eq(tickets.id, tid));
    expect(t.subject).toBe("Cannot download invoice PDF");
    const autos = await db.select().from(outboundMail).where(and(eq(outboundMail.ticketId, tid), eq(outboundMail.kind, "auto_response")));
    expect(autos).toHaveLength(1);
    expect(new Set((await db.select().from(outboundMail)).map((m) => m.messageId)).size).toBe((await db.select().from(outboundMail)).length);
  });

  it("case 05: subject tags in the shapes real clients produce", async () => {
    const seed = await send(caseInput("05-subject-tag-variants/0-seed.eml"));
    const N = seed.number!;
    for (const f of ["1-tag-glued", "2-prefix-vs", "3-prefix-stack", "4-tag-inside-encoded-word", "5-tag-only"]) {
      const r = await send(caseInput(`05-subject-tag-variants/${f}.eml.tmpl`, { N }));
      expect([f, r.outcome, r.number]).toEqual([f, "appended", N]);
    }
    const unknown = await send(caseInput("05-subject-tag-variants/6-unknown-number.eml"));
    expect(unknown.outcome).toBe("created");
    expect(unknown.number).not.toBe(N);
    const [n] = await db.select().from(tickets).where(eq(tickets.number, N));
    expect((await entriesOf(n.id)).length).toBe(6);
    expect(n.subject).toBe("Printer on floor 3 jams");
    // Stated rule: a new ticket keeps the subject exactly as received.
    const [other] = await db.select().from(tickets).where(eq(tickets.id, unknown.tid!));
    expect(other.subject).toBe("Re: [#99999999] Printer on floor 3 jams");
  });

  it("case 15: auto-replies, a foreign help desk, a bounce and a list do not loop", async () => {
    const seed = await send(caseInput("15-autoreply-loop/0-seed.eml"));
    const N = seed.number!;
    const [ack] = await mailsTo("omar.haddad@example.net");
    expect(ack.headers["Auto-Submitted"]).toBe("auto-replied");
    expect(ack.headers["X-Auto-Response-Suppress"]).toBe("All");
    const ACK = angle(ack.messageId);
    const ooo = await send(caseInput("15-autoreply-loop/1-out-of-office.eml.tmpl", { ACK_MESSAGE_ID: ACK }));
    expect([ooo.outcome, ooo.number]).toEqual(["autoreply", N]);
    for (let round = 0; round < 5; round++) {
      const [prev] = await mailsTo("support@vendor.example.org");
      const K = String(286614 + round);
      const r = await send(caseInput("15-autoreply-loop/2-foreign-helpdesk-ack.eml.tmpl", { K, SS: String(10 + round), PREVIOUS_OUTBOUND_MESSAGE_ID: prev ? angle(prev.messageId) : ACK }));
      expect(r.number).toBe(N);
    }
    expect((await mailsTo("support@vendor.example.org")).length).toBeLessThanOrEqual(1);
    const bounce = await send(caseInput("15-autoreply-loop/3-bounce.eml.tmpl", { N, ACK_MESSAGE_ID: ACK }));
    expect([bounce.outcome, bounce.number]).toEqual(["autoreply", N]);
    const list = await send(caseInput("15-autoreply-loop/4-mailing-list.eml"));
    expect(list.status).toBeLessThan(300);

    const [t] = await db.select().from(tickets).where(eq(tickets.number, N));
    expect(t.status).toBe("open");
    expect(t.subject).toBe("Toner order for Building C");
    const entries = await entriesOf(t.id);
    const note = entries.find((e) => e.isBounce)!;
    expect(note.type).toBe("note");
    expect(note.bodyText).toContain("Delivery to omar.haddad@example.net failed (5.2.2 mailbox full)");
    expect(entries.find((e) => e.messageId === "ooo-0001@mail.example.net")?.isAutoReply).toBe(true);
    expect(await mailsTo("mailer-daemon@mx.example.net")).toEqual([]);
    expect(await mailsTo("it-announce@lists.example.net")).toEqual([]);
    expect(await ticketCount()).toBeLessThanOrEqual(2);
    const autos = await db.select().from(outboundMail).where(sql`${outboundMail.kind} = 'auto_response'`);
    expect(autos.length).toBeLessThanOrEqual(2);
  });

  it("case 20 (without the merge): c-reply-to-b threads into B by In-Reply-To", async () => {
    const a = await send(caseInput("20-merge-keeps-attachments-tags/a.eml"));
    const b = await send(caseInput("20-merge-keeps-attachments-tags/b.eml"));
    expect(a.tid).not.toBe(b.tid);
    const c = await send(caseInput("20-merge-keeps-attachments-tags/c-reply-to-b.eml"));
    expect([c.outcome, c.tid]).toEqual(["appended", b.tid]);
    const files = await db.execute(sql`SELECT name, size, blob_sha256 FROM attachments WHERE ticket_id = ${b.tid}`);
    expect((files as unknown as { rows: unknown[] }).rows).toEqual([
      { name: "fan-noise.log", size: 204, blob_sha256: "95df41dc68640260acf524c7f146fb5dcdf0b9588dea5ea2adf5f28102aca195" },
    ]);
  });
});
