import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { createTestDb } from "@/db/testing";
import { attachments, events, outboundMail, staff, threadEntries, tickets } from "@/db/schema";
import { ticketIdFromMessageId } from "@/lib/mail";
import { createTicket } from "@/lib/tickets/create";
import { seedBasics } from "@/test/factories";
import { setIntakeEnv } from "@/test/intake-env";
import { appendMessage, postStaffEntry, postStaffReply, postSystemNote, responseRecipients } from "./index";

let db: Db;
let staffId: number;

beforeAll(async () => {
  setIntakeEnv();
  db = (await createTestDb()).db;
  await seedBasics(db);
  const [admin] = await db.select().from(staff);
  staffId = admin.id;
  await db.update(staff).set({ signature: "Alex, Support" }).where(eq(staff.id, staffId));
});

async function emailTicket() {
  return createTicket(db, {
    user: { email: "priya.raman@example.net", name: "Priya Raman" },
    subject: "Cannot download invoice PDF",
    body: { text: "Hello", html: "<p>Hello</p>" },
    source: "email",
    actor: { actor: "email" },
    collaborators: [{ email: "cc@example.net" }],
    email: { messageId: `inv-pdf-0001-${Math.random()}@mail.example.net` },
    files: [{ name: "shot.png", contentType: "image/png", content: Buffer.from("png-bytes") }],
  });
}

describe("thread entries", () => {
  it("appends a user message: entry, unanswered, version bump, event", async () => {
    const t = await emailTicket();
    const r = await appendMessage(db, {
      ticketId: t.ticket.id,
      user: { id: t.user.id, name: t.user.name, email: t.user.email },
      body: { text: "More detail", html: "More detail" },
      actor: { actor: "email" },
      email: { messageId: `m2-${Math.random()}@x` },
    });
    expect(r.entry.type).toBe("message");
    const [after] = await db.select().from(tickets).where(eq(tickets.id, t.ticket.id));
    expect(after.version).toBe(t.ticket.version + 1);
    expect(after.isAnswered).toBe(false);
    const evs = await db.select().from(events).where(eq(events.ticketId, t.ticket.id));
    expect(evs.map((e) => e.action)).toContain("message_added");
  });

  it("posts a staff reply mailed to the chosen recipients with threading headers and signature", async () => {
    const t = await emailTicket();
    const who = await responseRecipients(db, t.ticket.id);
    expect(who.owner.email).toBe("priya.raman@example.net");
    expect(who.collaborators.map((c) => c.email)).toEqual(["cc@example.net"]);
    const r = await postStaffReply(db, {
      ticketId: t.ticket.id,
      staffId,
      body: { text: "Here is a new link.", html: "<p>Here is a new link.</p>" },
      to: [who.owner.email],
      cc: [...who.collaborators.map((c) => c.email), "support@example.com"],
      attachmentIds: [t.attachments[0].id],
    });
    expect(r.entry.type).toBe("response");
    const mail = r.mail.mail!;
    expect(mail.kind).toBe("response");
    expect(mail.to).toEqual(["priya.raman@example.net"]);
    expect(mail.cc).toEqual(["cc@example.net"]);
    expect(mail.inReplyTo).toBe(t.entry.messageId);
    expect(mail.references?.[0]).toBe(t.entry.messageId);
    expect(mail.subject).toBe(`[#${t.ticket.number}] Cannot download invoice PDF`);
    expect(mail.bodyText).toContain("Here is a new link.");
    expect(mail.bodyText).toContain("Alex, Support");
    expect(mail.headers["Auto-Submitted"]).toBeUndefined();
    expect(ticketIdFromMessageId(mail.messageId)).toBe(t.ticket.id);
    expect(mail.attachmentIds).toHaveLength(1);
    const [entry] = await db.select().from(threadEntries).where(eq(threadEntries.id, r.entry.id));
    expect(entry.messageId).toBe(mail.messageId);
    const [after] = await db.select().from(tickets).where(eq(tickets.id, t.ticket.id));
    expect(after.isAnswered).toBe(true);
    expect(after.lastResponseAt).not.toBeNull();
    const linked = await db.select().from(attachments).where(eq(attachments.entryId, r.entry.id));
    expect(linked.map((a) => a.name)).toEqual(["shot.png"]);
  });

  it("posts internal notes (staff and system) without mail", async () => {
    const t = await emailTicket();
    const before = (await db.select().from(outboundMail).where(eq(outboundMail.ticketId, t.ticket.id))).length;
    const note = await postStaffEntry(db, { ticketId: t.ticket.id, staffId, type: "note", body: { text: "checked stock", html: "checked stock" } });
    const sys = await postSystemNote(db, { ticketId: t.ticket.id, text: "delivery failed", actor: { actor: "email" } });
    expect(note.entry.type).toBe("note");
    expect(sys.entry.posterName).toBe("System");
    const afterMails = (await db.select().from(outboundMail).where(eq(outboundMail.ticketId, t.ticket.id))).length;
    expect(afterMails).toBe(before);
  });
});
