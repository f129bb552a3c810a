// The outbox for admins: every mail with its status, a full preview, and retrying what failed or
// was never sent (only once SMTP is configured; before that it would just sit in the queue).
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "@/db/testing";
import { events, outboundMail } from "@/db/schema";
import { mailSenderIdle } from "@/lib/mail";
import { createTicket } from "@/lib/tickets/create";
import { setupTestAuth } from "@/test/auth";
import { type FakeSmtp, startFakeSmtp } from "@/test/fake-smtp";
import { setIntakeEnv } from "@/test/intake-env";
import { api } from "@/test/staff-api";
import { type Cast, seedStaffCast } from "@/test/staff-factory";
import { GET as getOne } from "./[id]/route";
import { POST as retry } from "./[id]/retry/route";
import { GET } from "./route";

setIntakeEnv();
setupTestAuth();
const { db } = await createTestDb();
let cast: Cast;
let smtp: FakeSmtp;
beforeAll(async () => {
  cast = await seedStaffCast(db);
  smtp = await startFakeSmtp();
});
afterAll(async () => {
  await smtp.close();
  setIntakeEnv();
  setupTestAuth();
});

const idp = (id: number) => ({ id: String(id) });
type Item = { id: number; status: string; subject: string; ticketNumber: string | null; to: string[] };
type Page = { items: Item[]; nextCursor: number | null; counts: Record<string, number> };

async function newTicket(email: string) {
  return createTicket(db, {
    user: { email, name: "Omar Haddad" },
    subject: "Toner order",
    body: { text: "4 cartridges", html: "<p>4 cartridges</p>" },
    source: "email",
    actor: { actor: "email" },
    email: { messageId: `toner-${email}` },
  });
}

describe("outbox (admins)", () => {
  it("lists mail newest first with its ticket number and counts per status; pages by cursor", async () => {
    const t = await newTicket("omar@example.net");
    const all = await api(cast.admin).get<Page>(GET, "/api/staff/outbox");
    expect(all.status).toBe(200);
    const ack = all.json.data!.items.find((m) => m.to.includes("omar@example.net"))!;
    expect(ack).toMatchObject({ status: "unsent", ticketNumber: t.ticket.number, subject: `[#${t.ticket.number}] Toner order` });
    expect(all.json.data!.counts.unsent).toBe(all.json.data!.items.length);
    const first = await api(cast.admin).get<Page>(GET, "/api/staff/outbox?limit=1");
    expect(first.json.data!.items).toHaveLength(1);
    const next = await api(cast.admin).get<Page>(GET, `/api/staff/outbox?limit=1&cursor=${first.json.data!.nextCursor}`);
    expect(next.json.data!.items[0].id).toBeLessThan(first.json.data!.items[0].id);
    expect((await api(cast.admin).get<Page>(GET, "/api/staff/outbox?status=sent")).json.data!.items).toEqual([]);
  });

  it("previews one mail in full", async () => {
    const [mail] = await db.select().from(outboundMail).limit(1);
    const res = await api(cast.admin).get<{ bodyText: string; bodyHtml: string; headers: Record<string, string>; lastError: string; attachments: unknown[] }>(
      getOne,
      `/api/staff/outbox/${mail.id}`,
      idp(mail.id),
    );
    expect(res.json.data).toMatchObject({ bodyText: mail.bodyText, bodyHtml: mail.bodyHtml, lastError: "SMTP not configured", attachments: [] });
    expect((await api(cast.admin).get(getOne, "/api/staff/outbox/99999", idp(99999))).status).toBe(404);
  });

  it("retry without SMTP says so; with SMTP it sends and records who retried", async () => {
    const [mail] = await db.select().from(outboundMail).where(eq(outboundMail.status, "unsent")).limit(1);
    const refused = await api(cast.admin).post(retry, `/api/staff/outbox/${mail.id}/retry`, idp(mail.id));
    expect(refused.status).toBe(503);
    expect(refused.json.message).toMatch(/SMTP is not configured/);

    setIntakeEnv({ SMTP_URL: smtp.url });
    setupTestAuth();
    const res = await api(cast.admin).post<{ status: string }>(retry, `/api/staff/outbox/${mail.id}/retry`, idp(mail.id));
    expect(res.status).toBe(200);
    expect(res.json.data!.status).toBe("queued");
    await mailSenderIdle();
    const [after] = await db.select().from(outboundMail).where(eq(outboundMail.id, mail.id));
    expect(after.status).toBe("sent");
    expect(smtp.received.some((m) => m.data.includes(mail.messageId))).toBe(true);
    const [ev] = await db.select().from(events).where(and(eq(events.entityType, "mail"), eq(events.entityId, mail.id)));
    expect(ev).toMatchObject({ action: "requeued", staffId: cast.admin.id, before: expect.objectContaining({ status: "unsent" }) });

    const again = await api(cast.admin).post(retry, `/api/staff/outbox/${mail.id}/retry`, idp(mail.id));
    expect(again.status).toBe(409);
    expect(again.json.message).toBe("Only failed or unsent mail can be retried; this one is sent");
  });

  it.each([
    ["an unknown status", "/api/staff/outbox?status=lost", { status: "must be one of queued, sending, sent, failed, unsent" }],
    ["a bad cursor", "/api/staff/outbox?cursor=abc", { cursor: "must be a number" }],
    ["a huge page", "/api/staff/outbox?limit=5000", { limit: "at most 200" }],
  ])("refuses %s", async (_n, path, errors) => {
    const res = await api(cast.admin).get(GET, path);
    expect({ status: res.status, errors: res.json.errors }).toEqual({ status: 400, errors });
  });

  it("is for admins only", async () => {
    expect((await api(cast.manager).get(GET, "/api/staff/outbox")).status).toBe(403);
    expect((await api(null).get(GET, "/api/staff/outbox")).status).toBe(401);
  });
});
