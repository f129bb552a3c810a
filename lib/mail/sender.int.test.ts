import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { createTestDb } from "@/db/testing";
import { outboundMail } from "@/db/schema";
import { createTicket } from "@/lib/tickets/create";
import { seedBasics } from "@/test/factories";
import { type FakeSmtp, startFakeSmtp } from "@/test/fake-smtp";
import { setIntakeEnv } from "@/test/intake-env";
import { sendQueuedMail } from "./sender";
import { listOutboundMail, requeueMail } from "./outbox";

let db: Db;
let smtp: FakeSmtp;

beforeAll(async () => {
  smtp = await startFakeSmtp();
  setIntakeEnv({ SMTP_URL: smtp.url });
  db = (await createTestDb()).db;
  await seedBasics(db);
});
afterAll(async () => {
  await smtp.close();
  setIntakeEnv();
});

const newTicket = (email: string) =>
  createTicket(db, {
    user: { email, name: "Omar Haddad" },
    subject: "Toner order",
    body: { text: "4 cartridges", html: "<p>4 cartridges</p>" },
    source: "email",
    actor: { actor: "email" },
    email: { messageId: `toner-${email}` },
  });

describe("sending queued mail over SMTP", () => {
  it("sends the auto-response with its Message-ID, threading and automatic-mail headers", async () => {
    const t = await newTicket("omar.haddad@example.net");
    const ack = t.mail.autoResponse!.mail!;
    expect(ack.status).toBe("queued");
    const summary = await sendQueuedMail(db);
    expect(summary.sent).toBe(2); // auto-response and staff alert
    const got = smtp.received.find((m) => m.to.includes("<omar.haddad@example.net>"))!;
    expect(got.data).toContain(`Message-ID: <${ack.messageId}>`);
    expect(got.data).toContain(`In-Reply-To: <toner-omar.haddad@example.net>`);
    expect(got.data).toContain("Auto-Submitted: auto-replied");
    expect(got.data).toContain("X-Auto-Response-Suppress: All");
    expect(got.data).toMatch(new RegExp(`Subject: \\[#${t.ticket.number}\\] Toner order`));
    const [row] = await db.select().from(outboundMail).where(eq(outboundMail.id, ack.id));
    expect(row.status).toBe("sent");
    expect(row.sentAt).not.toBeNull();
    expect(await sendQueuedMail(db)).toEqual({ sent: 0, retrying: 0, failed: 0 });
  });

  it("retries a temporary failure with backoff and gives up on a permanent one", async () => {
    await newTicket("retry@example.net");
    smtp.failWith = "451 4.3.0 try again later";
    const first = await sendQueuedMail(db);
    expect(first.retrying).toBe(2);
    const rows = await db.select().from(outboundMail).where(eq(outboundMail.status, "queued"));
    expect(rows.every((r) => r.attempts === 1 && r.nextAttemptAt! > new Date() && r.lastError?.includes("451"))).toBe(true);
    // Due again now; a permanent refusal fails at once.
    await db.update(outboundMail).set({ nextAttemptAt: sql`now() - interval '1 second'` }).where(eq(outboundMail.status, "queued"));
    smtp.failWith = "550 5.1.1 no such user";
    const second = await sendQueuedMail(db);
    expect(second.failed).toBe(2);
    smtp.failWith = null;
  });

  it("lists the outbox with statuses and reasons; failed mail can be requeued", async () => {
    const failed = await listOutboundMail(db, { status: "failed" });
    expect(failed.items.length).toBe(2);
    expect(failed.items[0].lastError).toContain("550");
    expect(await requeueMail(db, failed.items[0].id)).toBe(true);
    expect(await requeueMail(db, failed.items[0].id)).toBe(false);
    const page = await listOutboundMail(db, { limit: 1 });
    expect(page.items).toHaveLength(1);
    expect(page.nextCursor).toBe(page.items[0].id);
  });

  it("keeps mail queued when the SMTP server is unreachable", async () => {
    setIntakeEnv({ SMTP_URL: "smtp://127.0.0.1:1" });
    await newTicket("down@example.net");
    const s = await sendQueuedMail(db);
    expect(s.retrying).toBeGreaterThan(0);
    expect(s.sent).toBe(0);
    setIntakeEnv({ SMTP_URL: smtp.url });
  });
});
