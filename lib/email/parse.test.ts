// parseEmail end to end: addresses, ids, bodies, and that it never throws (including a fuzz run).
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { hasHeaderBlock, parseEmail } from "./index";
import { caseInput, fixture, message, oversizeMessage } from "./test-support";

describe("parseEmail basics", () => {
  it("accepts a string and CRLF or LF alike", async () => {
    const lf = "From: A <A@Example.COM>\nTo: support@example.com\nSubject: Hi\nMessage-ID: <x-1@example.com>\n\nBody line\n";
    const a = await parseEmail(lf);
    const b = await parseEmail(Buffer.from(lf.replace(/\n/g, "\r\n")));
    expect(a).toMatchObject({ messageId: "x-1@example.com", subject: "Hi", text: "Body line", html: null, from: { name: "A", address: "a@example.com" } });
    expect(b.text).toBe(a.text);
  });

  it("gives a message without Message-ID a stable synthetic id", async () => {
    const raw = "From: a@example.com\nSubject: no id\n\nsame body\n";
    const a = await parseEmail(raw);
    const b = await parseEmail(raw.replace(/\n/g, "\r\n"));
    expect(a.isSyntheticMessageId).toBe(true);
    expect(a.messageId).toMatch(/^synthetic-[0-9a-f]{32}@helpdesk\.local$/);
    expect(b.messageId).toBe(a.messageId);
  });

  it("skips an mbox From_ line", async () => {
    const p = await parseEmail("From a@example.com Mon Mar  3 10:00:00 2025\nFrom: a@example.com\nSubject: mbox\n\nx");
    expect(p).toMatchObject({ subject: "mbox", parseError: null, from: { address: "a@example.com" } });
  });

  it("reads recipients, groups, envelope recipients and a broken date", async () => {
    const p = await parseEmail(
      message(
        [
          "From: a@example.com",
          "To: Team: b@example.com, \"C, Jr.\" <C@example.com>;",
          "Cc: d@example.com",
          "Delivered-To: Support@Example.com",
          "X-Original-To: support@example.com",
          "Date: not a date",
          "Subject: =?UTF-8?B?R3LDvMOfZQ==?=\n   aus   Köln",
        ],
        "x",
      ),
    );
    expect(p.to).toEqual([
      { name: "", address: "b@example.com" },
      { name: "C, Jr.", address: "c@example.com" },
    ]);
    expect(p.deliveredTo).toEqual(["support@example.com"]);
    expect(p.date).toBeNull();
    expect(p.subject).toBe("Grüße aus Köln");
  });

  it("decodes an undeclared 8-bit Latin-1 body instead of producing U+FFFD", async () => {
    const raw = Buffer.concat([Buffer.from("From: a@example.com\nSubject: old mailer\nContent-Transfer-Encoding: 8bit\n\n"), Buffer.from("Gr\xfc\xdfe aus K\xf6ln\n", "latin1")]);
    expect((await parseEmail(raw)).text).toBe("Grüße aus Köln");
  });

  it("derives the text from the HTML when there is no text part, and strips NUL", async () => {
    const raw = message(
      ["From: a@example.com", "Subject: html only", 'Content-Type: multipart/mixed; boundary="b"'],
      ["--b", "Content-Type: text/html; charset=utf-8", "", "<p>Hello\u0000 <b>there</b></p><p>Second</p>", "--b", "Content-Type: application/pdf", "Content-Transfer-Encoding: base64", "", "JVBERi0=", "--b--"].join("\n"),
    );
    const p = await parseEmail(raw);
    expect(p.html).toBe("<p>Hello <b>there</b></p><p>Second</p>");
    expect(p.text).toBe("Hello there\nSecond");
    expect(p.attachments.map((a) => a.filename)).toEqual(["attachment-1.pdf"]);
  });
});

describe("parseEmail never throws", () => {
  it("flags input without a header block (the pipe exits 65 on hasHeaderBlock)", async () => {
    expect(hasHeaderBlock("just some text")).toBe(false);
    const p = await parseEmail("just some text");
    expect(p.parseError).toBe("no RFC 822 header block");
    expect(p.text).toBe("");
    expect(p.messageId).toMatch(/^synthetic-/);
  });

  it("returns headers and an empty body when the MIME structure is rejected", async () => {
    const parts = Array.from({ length: 1100 }, (_, i) => `--b\nContent-Type: text/plain\n\npart ${i}\n`).join("");
    const p = await parseEmail(`From: Dana <dana@example.com>\nSubject: =?UTF-8?Q?too_many_parts_=E2=9C=93?=\nMessage-ID: <many@example.com>\nContent-Type: multipart/mixed; boundary=b\n\n${parts}--b--\n`);
    expect(p.parseError).toMatch(/child nodes/i);
    expect(p).toMatchObject({ subject: "too many parts ✓", messageId: "many@example.com", text: "", from: { address: "dana@example.com" } });
  });

  it("survives an oversized header block", async () => {
    const p = await parseEmail(`From: a@example.com\nSubject: huge\nX-Big: ${"a".repeat(2 * 1024 * 1024)}\n\nbody`);
    expect(p.parseError).not.toBeNull();
    expect(p.subject).toBe("huge");
  });

  it("gives up on a parse that takes too long", async () => {
    const p = await parseEmail(oversizeMessage(3), { timeoutMs: 1 });
    expect(p.parseError).toMatch(/did not finish/);
    expect(p).toMatchObject({ subject: "Full crash dump", messageId: "oversize-0001@mail.example.pt", attachments: [] });
  });

  it("survives 500 randomly mutated and truncated fixtures", async () => {
    const seeds = corpus();
    let state = 0x5eed;
    const random = () => {
      state = (state + 0x6d2b79f5) | 0;
      let t = Math.imul(state ^ (state >>> 15), 1 | state);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const pick = (n: number) => Math.floor(random() * n);
    const junk = ["\n", "\r\n", "--", "=?", "?=", "\x00", "\xff", "<", ">", "boundary=", "Content-Type: multipart/mixed; boundary=x\n", "=\n", "\n\n", "cid:", "<html>"];
    const mutate = (buf: Buffer): Buffer => {
      const s = buf.toString("latin1");
      const at = pick(s.length + 1);
      switch (pick(6)) {
        case 0:
          return Buffer.from(s.slice(0, at), "latin1");
        case 1:
          return Buffer.from(s.slice(0, at) + junk[pick(junk.length)] + s.slice(at), "latin1");
        case 2:
          return Buffer.from(s.slice(0, at) + s.slice(at + pick(200)), "latin1");
        case 3: {
          const bytes = Buffer.from(buf);
          for (let i = 0; i < 1 + pick(20); i++) bytes[pick(bytes.length)] = pick(256);
          return bytes;
        }
        case 4:
          return Buffer.from(s.slice(0, at) + s.slice(pick(s.length), pick(s.length) + 300) + s.slice(at), "latin1");
        default:
          return Buffer.from(s.replace(/boundary="?([^"\s;]+)"?/i, `boundary="${"x".repeat(pick(3))}"`), "latin1");
      }
    };
    for (let i = 0; i < 500; i++) {
      let input = seeds[i % seeds.length];
      for (let k = 0; k < 1 + pick(3); k++) input = mutate(input);
      const p = await parseEmail(input);
      expect(typeof p.messageId).toBe("string");
      expect(typeof p.text).toBe("string");
      expect(p.text).not.toContain("\u0000");
    }
  }, 60_000);
});

function corpus(): Buffer[] {
  const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../test/fixtures/email-fixtures");
  const fixtures = readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".eml"))
    .map((f) => fixture(f));
  const cases = [
    "07-iso2022jp-subject/1-standard.eml",
    "10-latin1-qp-body/1-alternative-latin1.eml",
    "11-attachment-filenames-2231/input.eml",
    "12-inline-cid-no-disposition/input.eml",
    "15-autoreply-loop/3-bounce.eml.tmpl",
    "17-html-xss-body/input.eml",
  ].map((f) => caseInput(f));
  return [...fixtures, ...cases];
}
