// Attachment naming, cid: references and rewriting, name precedence through parseEmail.
import { describe, expect, it } from "vitest";
import { attachmentName, cleanFilename, extensionFor, referencedCids, rewriteCidUrls } from "./attachments";
import { parseEmail } from "./parse";
import { message } from "./test-support";

describe("attachmentName", () => {
  it("keeps a given name, cleaned", () => {
    expect(attachmentName({ filename: "report.pdf", contentType: "application/pdf", contentId: null, position: 1 })).toBe("report.pdf");
    expect(attachmentName({ filename: "Capture d’e\u0301cran.png", contentType: "image/png", contentId: null, position: 1 })).toBe("Capture d’écran.png");
  });

  it("takes Outlook's Content-ID local part for nameless images", () => {
    expect(attachmentName({ contentType: "image/png", contentId: "image001.png@01DB8C2A.5E3F1A40", position: 1 })).toBe("image001.png");
    expect(attachmentName({ contentType: "image/jpeg", contentId: "image002.jpg@01DB8C2A.5E3F1A40", position: 2 })).toBe("image002.jpg");
  });

  it("generates attachment-<n>.<ext> otherwise", () => {
    expect(attachmentName({ contentType: "application/x-gzip", contentId: null, position: 4 })).toBe("attachment-4.gz");
    expect(attachmentName({ contentType: "image/gif", contentId: "1066973340.4232.46.camel@localhost", position: 9 })).toBe("attachment-9.gif");
    expect(attachmentName({ contentType: "message/rfc822", contentId: null, position: 2 })).toBe("attachment-2.eml");
    expect(attachmentName({ contentType: "text/x-unknown", contentId: null, position: 3 })).toBe("attachment-3.txt");
    expect(attachmentName({ contentType: "application/x-whatever", contentId: null, position: 5 })).toBe("attachment-5.bin");
    expect(attachmentName({ filename: "  ", contentType: "image/png", contentId: "logo@x", position: 6 })).toBe("attachment-6.png");
  });

  it("maps report parts to .txt", () => {
    expect(extensionFor("message/delivery-status")).toBe("txt");
    expect(extensionFor("text/rfc822-headers")).toBe("txt");
  });
});

describe("cleanFilename", () => {
  it.each([
    ["../../etc/passwd", "passwd"],
    ["C:\\Users\\me\\secret.docx", "secret.docx"],
    ["evil\u0000name\u001b.txt", "evilname.txt"],
    ["..", ""],
    ["  spaced   name .pdf ", "spaced name .pdf"],
  ])("%j -> %j", (input, expected) => expect(cleanFilename(input)).toBe(expected));

  it("shortens long names and keeps the extension", () => {
    const name = cleanFilename(`${"a".repeat(300)}.pdf`);
    expect(name).toHaveLength(200);
    expect(name.endsWith(".pdf")).toBe(true);
  });
});

describe("cid references", () => {
  it("collects raw and percent-decoded ids", () => {
    expect([...referencedCids('<img src="cid:a%40b"><td background=\'cid:c@d\'>')]).toEqual(["a%40b", "a@b", "c@d"]);
  });

  it("rewrites cid: src to URLs and drops unresolvable ones", () => {
    const html = '<p><img src="cid:image001.png@01DB" alt="x" /><img src="cid:missing@x" /><img src="CID:a%40b" /></p>';
    const urls: Record<string, string> = { "image001.png@01DB": "/a/1?x=1&y=2", "a@b": "/a/3" };
    const out = rewriteCidUrls(html, (cid) => urls[cid] ?? null);
    expect(out).toBe('<p><img src="/a/1?x=1&amp;y=2" alt="x" /><img data-missing-cid="" /><img src="/a/3" /></p>');
    expect(out).not.toMatch(/cid:/i);
  });
});

describe("attachments through parseEmail", () => {
  it("prefers the Content-Disposition filename over the Content-Type name and keeps winmail.dat", async () => {
    const raw = message(
      ["From: a@example.com", "Subject: files", "MIME-Version: 1.0", 'Content-Type: multipart/mixed; boundary="b"'],
      [
        "--b",
        "Content-Type: text/plain",
        "",
        "see attached",
        "--b",
        'Content-Type: application/pdf; name="from-type.pdf"',
        'Content-Disposition: attachment; filename="from-disposition.pdf"',
        "Content-Transfer-Encoding: base64",
        "",
        "JVBERi0=",
        "--b",
        'Content-Type: application/ms-tnef; name="winmail.dat"',
        "Content-Transfer-Encoding: base64",
        "",
        "eJ8+IgA=",
        "--b--",
      ].join("\n"),
    );
    const p = await parseEmail(raw);
    expect(p.attachments.map((a) => [a.filename, a.contentType, a.size])).toEqual([
      ["from-disposition.pdf", "application/pdf", 5],
      ["winmail.dat", "application/ms-tnef", 5],
    ]);
  });

  it("keeps an attached message/rfc822 as an .eml file", async () => {
    const raw = message(
      ["From: a@example.com", "Subject: fwd", 'Content-Type: multipart/mixed; boundary="b"'],
      ["--b", "Content-Type: text/plain", "", "forwarding", "--b", "Content-Type: message/rfc822", "Content-Disposition: attachment", "", "Subject: inner", "", "inner body", "--b--"].join("\n"),
    );
    const p = await parseEmail(raw);
    expect(p.attachments.map((a) => [a.filename, a.contentType])).toEqual([["attachment-1.eml", "message/rfc822"]]);
    expect(p.attachments[0].content.toString()).toContain("inner body");
  });
});
