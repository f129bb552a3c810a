import { describe, expect, it } from "vitest";
import { contentDisposition, downloadHeaders } from "./attachments";

const file = (name: string, contentType: string) => ({ name, contentType, size: 3, blobSha256: "abc" });

describe("downloadHeaders", () => {
  it.each([
    ["photo.png", "image/png", "inline", "image/png"],
    ["photo.JPG", "IMAGE/JPEG", "inline", "image/jpeg"],
    ["logo.svg", "image/svg+xml", "attachment", "image/svg+xml"],
    ["page.html", "text/html", "attachment", "text/html"],
    ["run.js", "application/javascript", "attachment", "application/javascript"],
    ["odd.bin", "not a type", "attachment", "application/octet-stream"],
  ])("%s (%s) -> %s", (name, type, disposition, served) => {
    const h = downloadHeaders(file(name, type));
    expect(h["Content-Disposition"].startsWith(`${disposition};`)).toBe(true);
    expect(h["Content-Type"]).toBe(served);
    expect(h["X-Content-Type-Options"]).toBe("nosniff");
    expect(h["Content-Security-Policy"]).toContain("sandbox");
    expect(h["Content-Security-Policy"]).toContain("default-src 'none'");
  });

  it("downloads even images when asked", () => {
    expect(downloadHeaders(file("a.png", "image/png"), true)["Content-Disposition"]).toMatch(/^attachment;/);
  });
});

describe("contentDisposition", () => {
  it("gives an ASCII fallback and the exact UTF-8 name", () => {
    expect(contentDisposition("attachment", 'Résumé "final".pdf')).toBe(`attachment; filename="R_sum_ _final_.pdf"; filename*=UTF-8''R%C3%A9sum%C3%A9%20%22final%22.pdf`);
  });
});
