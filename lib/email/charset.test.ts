// Charset decoding (WHATWG labels, Japanese, fallbacks), raw 8-bit header repair and scrubbing.
import { describe, expect, it } from "vitest";
import { decodeBytes, decodeStrayIso2022jp, findHeaderEnd, guessHeaderCharset, repairHeaderBytes, scrubLine, scrubText } from "./charset";
import { fixture } from "./test-support";

describe("decodeBytes", () => {
  it("reads iso-8859-1 and us-ascii labels as windows-1252 (WHATWG)", () => {
    const bytes = Buffer.from([0x80, 0x20, 0x93, 0x61, 0x94, 0x20, 0x96, 0x20, 0xfc]);
    expect(decodeBytes(bytes, "iso-8859-1")).toBe("€ “a” – ü");
    expect(decodeBytes(bytes, '"ISO-8859-1"')).toBe("€ “a” – ü");
    expect(decodeBytes(bytes, "us-ascii")).toBe("€ “a” – ü");
  });

  it("falls back to windows-1252 for bytes that are not valid in the declared charset", () => {
    expect(decodeBytes(Buffer.from("Gr\xfc\xdfe", "latin1"), "utf-8")).toBe("Grüße");
    expect(decodeBytes(Buffer.from("Gr\xfc\xdfe", "latin1"))).toBe("Grüße");
    expect(decodeBytes(Buffer.from("Gr\xfc\xdfe", "latin1"), "x-unknown-charset")).toBe("Grüße");
  });

  it("keeps valid UTF-8 and decodes the Japanese charsets iconv-lite lacks", () => {
    expect(decodeBytes(Buffer.from("Grüße ①", "utf8"), "utf-8")).toBe("Grüße ①");
    const jis = Buffer.from("1b24422d21382b40513d7141774955244e376f1b2842", "hex");
    expect(decodeBytes(jis, "ISO-2022-JP")).toBe("①見積書送付の件");
    expect(decodeBytes(Buffer.from([0x82, 0xa0]), "shift_jis")).toBe("あ");
  });
});

describe("repairHeaderBytes", () => {
  it("rewrites raw Latin-1 header lines of m0001 as UTF-8 and leaves the body alone", () => {
    const raw = fixture("hunnysoft/m0001.eml");
    const repaired = repairHeaderBytes(raw);
    const head = repaired.subarray(0, findHeaderEnd(repaired).headerEnd).toString("utf8");
    expect(head).toContain('To: "Jürgen Schmürgen" <schmuergen@example.com>');
    expect(head).toContain("   die Frösche (Microsoft Outlook 00)\r\n");
    expect(repaired.subarray(findHeaderEnd(repaired).bodyStart).equals(raw.subarray(findHeaderEnd(raw).bodyStart))).toBe(true);
  });

  it("returns the same buffer when the headers are valid UTF-8", () => {
    const raw = Buffer.from("Subject: Grüße\n\nbody", "utf8");
    expect(repairHeaderBytes(raw)).toBe(raw);
  });

  it("decodes raw ISO-2022-JP header bytes", () => {
    const raw = Buffer.concat([Buffer.from("Subject: "), Buffer.from("1b24422d21382b40511b2842", "hex"), Buffer.from("\n\nbody")]);
    expect(repairHeaderBytes(raw).toString("utf8")).toBe("Subject: ①見積\n\nbody");
  });

  it("guesses the charset from the first text part of a multipart message", () => {
    const raw = Buffer.from('Subject: x\nContent-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain; charset="iso-8859-2"\n\nx\n--b--\n');
    expect(guessHeaderCharset(raw, findHeaderEnd(raw).headerEnd)).toBe("iso-8859-2");
    const plain = Buffer.from("Subject: x\n\nbody");
    expect(guessHeaderCharset(plain, findHeaderEnd(plain).headerEnd)).toBe("windows-1252");
  });
});

describe("findHeaderEnd", () => {
  it("handles CRLF, LF and a missing body", () => {
    expect(findHeaderEnd(Buffer.from("A: 1\r\nB: 2\r\n\r\nbody"))).toEqual({ headerEnd: 12, bodyStart: 14 });
    expect(findHeaderEnd(Buffer.from("A: 1\nB: 2\n\nbody"))).toEqual({ headerEnd: 10, bodyStart: 11 });
    expect(findHeaderEnd(Buffer.from("A: 1"))).toEqual({ headerEnd: 4, bodyStart: 4 });
  });
});

describe("scrubbing", () => {
  it("normalises line ends and drops control characters (NUL, ESC) but keeps tabs", () => {
    expect(scrubText("a\r\nb\rc\u0000d\u001be\tf")).toBe("a\nb\ncde\tf");
    expect(scrubLine("a\nb\u0000c")).toBe("a bc");
  });

  it("decodes stray ISO-2022-JP that reached us as ASCII", () => {
    expect(decodeStrayIso2022jp("x\n\u001b$B-!8+@Q=q\u001b(B")).toBe("x\n①見積書");
  });
});
