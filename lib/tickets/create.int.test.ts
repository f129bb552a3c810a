import { beforeAll, describe, expect, it } from "vitest";
import { count, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { createTestDb } from "@/db/testing";
import { attachments, blobs, events, organizations, outboundMail, threadEntries, ticketCollaborators, tickets, users } from "@/db/schema";
import { updateSettings } from "@/lib/config/settings";
import { ticketIdFromMessageId } from "@/lib/mail";
import { seedBasics } from "@/test/factories";
import { setIntakeEnv } from "@/test/intake-env";
import { createTicket } from "./create";

let db: Db;
const body = (text: string) => ({ text, html: `<p>${text}</p>` });

beforeAll(async () => {
  setIntakeEnv();
  db = (await createTestDb()).db;
  await seedBasics(db);
});

const countOf = async (table: Parameters<Db["select"]>[0] extends never ? never : typeof tickets | typeof users | typeof blobs | typeof threadEntries) =>
  (await db.select({ n: count() }).from(table))[0].n;

describe("createTicket", () => {
  it("creates requester, ticket, first entry, event and the two mails in one go", async () => {
    const r = await createTicket(db, {
      user: { email: "Dana.Whitfield@Customer.Example.com", name: "Dana Whitfield" },
      subject: "VPN   drops\r\n every 10 minutes",
      body: body("It disconnects."),
      source: "api",
      actor: { actor: "api:hd_test" },
      collaborators: [{ email: "lee@customer.example.com", name: "Lee" }, { email: "support@example.com" }],
    });
    expect(r.ticket.number).toMatch(/^[1-9]\d{5}$/);
    expect(r.ticket.subject).toBe("VPN drops every 10 minutes");
    expect(r.user.email).toBe("dana.whitfield@customer.example.com");
    expect(r.ticket.dueAt).not.toBeNull();
    expect(r.entry.type).toBe("message");
    expect(r.collaborators.map((c) => c.email)).toEqual(["lee@customer.example.com"]);
    const collab = await db.select().from(ticketCollaborators).where(eq(ticketCollaborators.ticketId, r.ticket.id));
    expect(collab).toHaveLength(1);
    const [ev] = await db.select().from(events).where(eq(events.ticketId, r.ticket.id));
    expect(ev.action).toBe("created");
    expect(ev.actor).toBe("api:hd_test");

    const mails = await db.select().from(outboundMail).where(eq(outboundMail.ticketId, r.ticket.id));
    const ack = mails.find((m) => m.kind === "auto_response")!;
    expect(ack.to).toEqual(["dana.whitfield@customer.example.com"]);
    expect(ack.status).toBe("unsent");
    expect(ack.lastError).toBe("SMTP not configured");
    expect(ack.subject).toContain(`[#${r.ticket.number}]`);
    expect(ack.bodyText.startsWith("-- reply above this line --")).toBe(true);
    expect(ack.headers["Auto-Submitted"]).toBe("auto-replied");
    expect(ack.headers["X-Auto-Response-Suppress"]).toBe("All");
    expect(ticketIdFromMessageId(ack.messageId)).toBe(r.ticket.id);
    const alert = mails.find((m) => m.kind === "new_ticket_alert")!;
    expect(alert.to).toEqual(["admin@example.com"]);
    expect(alert.headers["Auto-Submitted"]).toBe("auto-generated");
    expect(alert.bodyHtml).toContain("<p>It disconnects.</p>");
  });

  it("finds an existing user case-insensitively and puts new users in the organization of their domain", async () => {
    await db.insert(organizations).values({ name: "Acme", domains: ["acme.example"] });
    const a = await createTicket(db, { user: { email: "pat@acme.example" }, subject: "One", body: body("x"), source: "api", actor: {} });
    const b = await createTicket(db, { user: { email: "PAT@ACME.EXAMPLE", name: "Other" }, subject: "Two", body: body("y"), source: "api", actor: {} });
    expect(b.user.id).toBe(a.user.id);
    expect(a.user.name).toBe("pat");
    expect(a.user.orgId).not.toBeNull();
    expect(a.ticket.orgId).toBe(a.user.orgId);
  });

  it("stores attachments once per content and turns refused files into an internal note", async () => {
    const png = Buffer.from("89504e470d0a1a0a-same-bytes");
    const before = await countOf(blobs);
    const r = await createTicket(db, {
      user: { email: "files@example.net" },
      subject: "Files",
      body: body("see files"),
      source: "api",
      actor: {},
      files: [
        { name: "a.png", contentType: "image/png", content: png },
        { name: "../b.png", contentType: "image/png", content: png },
        { name: "setup.EXE", contentType: "application/octet-stream", content: Buffer.from("MZ") },
      ],
      droppedEarlier: [{ name: "big.bin", contentType: "application/octet-stream", size: 31_457_280, reason: "too_large", message: '"big.bin" (31,457,280 bytes) was not stored' }],
    });
    expect(r.attachments.map((a) => a.name)).toEqual(["a.png", "b.png"]);
    expect((await countOf(blobs)) - before).toBe(1);
    expect(r.dropped.map((d) => d.name)).toEqual(["big.bin", "setup.EXE"]);
    const entries = await db.select().from(threadEntries).where(eq(threadEntries.ticketId, r.ticket.id));
    const note = entries.find((e) => e.type === "note")!;
    expect(note.bodyText).toContain("big.bin");
    expect(note.bodyText).toContain("setup.EXE");
    expect(note.bodyText).toContain(".exe are blocked");
  });

  it("leaves nothing behind when any part fails", async () => {
    await createTicket(db, { user: { email: "first@example.net" }, subject: "First", body: body("x"), source: "email", actor: {}, email: { messageId: "dup-1@example.net" } });
    const counts = async () => ({ t: await countOf(tickets), u: await countOf(users), e: await countOf(threadEntries), b: await countOf(blobs) });
    const before = await counts();
    await expect(
      createTicket(db, {
        user: { email: "brand-new-user@example.net" },
        subject: "Second",
        body: body("y"),
        source: "email",
        actor: {},
        files: [{ name: "new.txt", content: Buffer.from("unique content for rollback test") }],
        email: { messageId: "dup-1@example.net" },
      }),
    ).rejects.toThrow();
    expect(await counts()).toEqual(before);
  });

  it("refuses an unknown or inactive topic or priority naming the field", async () => {
    await expect(createTicket(db, { user: { email: "x@example.net" }, subject: "S", body: body("m"), source: "api", actor: {}, priorityId: 999 })).rejects.toMatchObject({
      status: 400,
      errors: { priorityId: expect.stringContaining("999") },
    });
    await expect(createTicket(db, { user: { email: "x@example.net" }, subject: "S", body: body("m"), source: "api", actor: {}, topicId: 999 })).rejects.toMatchObject({
      errors: { topicId: expect.any(String) },
    });
  });

  it("sends at most N automatic mails an hour to one address and none to the help desk itself", async () => {
    await updateSettings(db, { maxAutoMailsPerAddressPerHour: 1 });
    const one = await createTicket(db, { user: { email: "limit@example.net" }, subject: "A", body: body("a"), source: "api", actor: {} });
    const two = await createTicket(db, { user: { email: "limit@example.net" }, subject: "B", body: body("b"), source: "api", actor: {} });
    expect(one.mail.autoResponse?.mail).not.toBeNull();
    expect(two.mail.autoResponse?.mail).toBeNull();
    expect(two.mail.autoResponse?.skipped[0].reason).toMatch(/automatic-mail limit/);
    const own = await createTicket(db, { user: { email: "Support@Example.com" }, subject: "Loop", body: body("c"), source: "email", actor: {} });
    expect(own.mail.autoResponse).toBeNull();
    const [{ n }] = await db.select({ n: count() }).from(outboundMail).where(sql`'support@example.com' = ANY(${outboundMail.to})`);
    expect(n).toBe(0);
  });

  it("sends one auto-response when two tickets from a new address arrive at once", async () => {
    await updateSettings(db, { maxAutoMailsPerAddressPerHour: 1 });
    const rs = await Promise.all(
      Array.from({ length: 4 }, (_, i) => createTicket(db, { user: { email: "burst@example.net" }, subject: `Burst ${i}`, body: body("b"), source: "api", actor: {} })),
    );
    expect(new Set(rs.map((r) => r.user.id)).size).toBe(1);
    expect(rs.filter((r) => r.mail.autoResponse?.mail).length).toBe(1);
  });

  it("gives concurrent tickets distinct numbers", async () => {
    const rs = await Promise.all(
      Array.from({ length: 20 }, (_, i) => createTicket(db, { user: { email: `c${i}@example.net` }, subject: `C${i}`, body: body("c"), source: "api", actor: {} })),
    );
    expect(new Set(rs.map((r) => r.ticket.number)).size).toBe(20);
    const att = await db.select({ n: count() }).from(attachments);
    expect(att[0].n).toBeGreaterThan(0);
  });
});
