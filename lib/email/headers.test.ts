// Raw header access: header-block detection, message ids, synthetic ids, decoding.
import { describe, expect, it } from "vitest";
import {
  decodeHeaderValue,
  extractMessageIds,
  firstMessageId,
  hasHeaderBlock,
  parseHeaderText,
  pickHeaders,
  stripLeadingJunk,
  syntheticMessageId,
} from "./headers";

describe("hasHeaderBlock", () => {
  it.each([
    ["From: a@example.com\n\nbody", true],
    ["Subject: only a header", true],
    ["\r\nFrom: a@example.com\r\n\r\nbody", true],
    ["From sender@example.com Mon Mar  3 10:00:00 2025\nFrom: a@example.com\n\nbody", true],
    ["Subject : obsolete spacing\n\nbody", true],
    ["", false],
    ["hello world\nthis is not a message", false],
    ["\n\nbody after an empty header block", false],
    ["\ufeffFrom: a@example.com\n\nbody", true],
    [": no field name\n\nx", false],
  ])("%j -> %s", (raw, expected) => expect(hasHeaderBlock(raw)).toBe(expected));
});

describe("message ids", () => {
  it("strips brackets, comments and duplicates, keeping header order", () => {
    expect(extractMessageIds("<a@x> <b@x>\n\t<c@x> <a@x>")).toEqual(["a@x", "b@x", "c@x"]);
    expect(extractMessageIds("<a@x>,<b@x>")).toEqual(["a@x", "b@x"]);
    expect(extractMessageIds("<a@x> (Dana's message of Tue)")).toEqual(["a@x"]);
    expect(extractMessageIds("bare@x.example")).toEqual(["bare@x.example"]);
    expect(extractMessageIds(undefined)).toEqual([]);
    expect(firstMessageId("  < spaced@x >  ")).toBe("spaced@x");
    expect(firstMessageId("")).toBeNull();
  });
});

describe("syntheticMessageId", () => {
  const msg = "From: a@example.com\nTo: support@example.com\nSubject: alert\n\nDisk full on host1\n";

  it("is stable across line-end styles and relay headers", () => {
    const id = syntheticMessageId(Buffer.from(msg));
    expect(id).toMatch(/^synthetic-[0-9a-f]{32}@helpdesk\.local$/);
    expect(syntheticMessageId(Buffer.from(msg.replace(/\n/g, "\r\n")))).toBe(id);
    expect(syntheticMessageId(Buffer.from(`Received: from relay\nReturn-Path: <a@example.com>\n${msg}`))).toBe(id);
  });

  it("differs for different messages, including header-less ones", () => {
    const id = syntheticMessageId(Buffer.from(msg));
    expect(syntheticMessageId(Buffer.from(msg.replace("host1", "host2")))).not.toBe(id);
    expect(syntheticMessageId(Buffer.from("junk one"))).not.toBe(syntheticMessageId(Buffer.from("junk two")));
  });
});

describe("header helpers", () => {
  it("unfolds and decodes", () => {
    const headers = parseHeaderText("Subject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?=\n  aus\tKöln\nX-Junk line without colon\nList-Id: <a.b>");
    expect(headers.map((h) => h.key)).toEqual(["subject", "list-id"]);
    expect(decodeHeaderValue(headers[0].value)).toBe("Grüße aus Köln");
    expect(pickHeaders(headers)).toEqual({ "list-id": "<a.b>" });
  });

  it("drops a BOM, leading blank lines and an mbox From_ line", () => {
    expect(stripLeadingJunk(Buffer.from("From x@y Mon\nSubject: s\n\nb")).toString()).toBe("Subject: s\n\nb");
    expect(stripLeadingJunk(Buffer.from("\ufeff\r\nSubject: s\n\nb")).toString()).toBe("Subject: s\n\nb");
    expect(stripLeadingJunk(Buffer.from("From: x@y\n\nb")).toString()).toBe("From: x@y\n\nb");
  });
});
