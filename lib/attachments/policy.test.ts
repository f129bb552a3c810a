import { describe, expect, it } from "vitest";
import { checkFile, cleanFileName, fileExtensions, isBlockedName } from "./policy";

const policy = { maxAttachmentBytes: 25 * 1024 * 1024, blockedExtensions: ["exe", "js", "lnk"] };

describe("attachment policy", () => {
  it.each([
    ["setup.exe", true],
    ["SETUP.EXE", true],
    ["invoice.pdf.exe", true],
    ["evil.exe. ", true],
    ["script.js", true],
    ["notes.json", false],
    ["exe", false],
    ["report.exe.pdf", false],
  ])("blocks %s: %s", (name, blocked) => {
    expect(isBlockedName(name, policy.blockedExtensions)).toBe(blocked);
  });

  it("lists extensions last first", () => {
    expect(fileExtensions("a.tar.gz")).toEqual(["gz", "tar"]);
    expect(fileExtensions("README")).toEqual([]);
  });

  it("drops a file over the limit with its size and the limit in the message", () => {
    const d = checkFile({ name: "big.bin", contentType: "application/octet-stream", size: 31_457_280 }, policy);
    expect(d?.reason).toBe("too_large");
    expect(d?.message).toContain("big.bin");
    expect(d?.message).toContain("31,457,280 bytes");
    expect(d?.message).toContain("25 MiB");
  });

  it("keeps a file at exactly the limit and empty files", () => {
    expect(checkFile({ name: "a.bin", contentType: "x", size: policy.maxAttachmentBytes }, policy)).toBeNull();
    expect(checkFile({ name: "empty.log", contentType: "text/plain", size: 0 }, policy)).toBeNull();
  });

  it("cleans names", () => {
    expect(cleanFileName("../../etc/passwd")).toBe("passwd");
    expect(cleanFileName("C:\\Users\\x\\a.txt")).toBe("a.txt");
    expect(cleanFileName("invoice\u202Egnp.exe")).toBe("invoicegnp.exe");
    expect(cleanFileName("a\u2066b\u2069\u200f.pdf")).toBe("ab.pdf");
    const long = cleanFileName(`${"a".repeat(500)}.pdf`);
    expect([long.length, long.endsWith(".pdf")]).toEqual([255, true]);
    expect(cleanFileName("  ")).toBe("attachment");
    expect(cleanFileName("e\u0301.png")).toBe("\u00e9.png");
  });
});
