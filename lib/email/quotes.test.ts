// Quote detection: talon fixtures (case 33), client attribution formats, HTML markers and offsets.
import { describe, expect, it } from "vitest";
import { rewriteCidUrls } from "./attachments";
import { parseEmail } from "./parse";
import { detectQuote, findHtmlQuote, findTextQuote, makePreview, removeRange } from "./quotes";
import { sanitizeHtml } from "./sanitize";
import { fixture } from "./test-support";

const newTextOf = (text: string, opts = {}) => removeRange(text, findTextQuote(text, opts));

describe("talon standard replies (case 33)", () => {
  it.each([
    ["gmail.eml", "Hello"],
    ["apple_mail.eml", "Hello"],
    ["hotmail.eml", "Hello"],
    ["thunderbird.eml", "Hello"],
    ["iphone.eml", "Hello\n\nSent from my iPhone"],
    // The HTML alternative is what we display, and it says something else than the text part.
    ["outlook.eml", "Allo! Follow up MIME!"],
  ])("%s -> %j", async (file, expected) => {
    const p = await parseEmail(fixture(`talon/${file}`));
    expect(p.newText).toBe(expected);
    expect(p.preview).toBe(expected.replace(/\s+/g, " "));
  });

  it.each(["gmail.eml", "apple_mail.eml", "hotmail.eml", "iphone.eml", "outlook.eml", "thunderbird.eml"])(
    "%s: the plain-text part alone also yields the talon answer",
    async (file) => {
      const p = await parseEmail(fixture(`talon/${file}`));
      const expected = file === "iphone.eml" ? "Hello\n\nSent from my iPhone" : "Hello";
      expect(newTextOf(p.text)).toBe(expected);
    },
  );

  it("keeps the full bodies and only reports offsets", async () => {
    const p = await parseEmail(fixture("talon/hotmail.eml"));
    expect(p.text).toContain("> Subject: Test");
    expect(p.text.slice(p.quote.textStart!, p.quote.textEnd!)).toMatch(/^> Subject: Test[\s\S]*> Hi$/);
    expect(p.html!.slice(0, p.quote.htmlStart!)).toContain("Hello");
    expect(p.html!.slice(0, p.quote.htmlStart!)).not.toContain("Subject: Test");
  });
});

describe("findTextQuote", () => {
  it.each([
    ["custom separator", "Thanks!\n\n-- reply above this line --\nAgent wrote things", "Thanks!"],
    ["separator quoted by the client", "Works now.\n\n> ## Please reply above this line ##\n> old", "Works now."],
    ["Outlook Original Message", "Ok\n\n-----Original Message-----\nFrom: a\nSent: b\nTo: c\nSubject: d\n\nold", "Ok"],
    ["German Outlook block", "Danke\n\nVon: Support <support@example.com>\nGesendet: Montag\nAn: Kunde\nBetreff: AW: Test\n\nalt", "Danke"],
    ["Outlook web rule line", "Fine\n\n________________________________\nFrom: Support\nSent: Monday\nTo: Me\nSubject: x\n\nold", "Fine"],
    ["German attribution", "Geht.\n\nAm 02.04.2012 um 18:26 schrieb Megan One <x@example.com>:\n\n> Hi", "Geht."],
    ["French attribution", "Oui.\n\nLe 2 avr. 2012 à 18:26, Megan <x@example.com> a écrit :\n> Salut", "Oui."],
    ["Gmail attribution wrapped over two lines", "Yes\n\nOn Mon, Apr 2, 2012 at 6:26 PM, Megan One <\nxxx@gmail.com> wrote:\n\n> Hi", "Yes"],
    ["loose 'X wrote:' before a quote", "Sure\n\nMegan wrote:\n> Hi\n> there", "Sure"],
    ["trailing > block", "New text\n\n> old\n> older", "New text"],
    ["bottom-posted", "On 04/02/2012 06:26 PM, Megan One wrote:\n> Hi \nHello", "Hello"],
    ["bottom-posted without attribution", "> question?\n\nanswer", "answer"],
  ])("%s", (_name, text, expected) => expect(newTextOf(text)).toBe(expected));

  it("finds nothing in a message without history", () => {
    expect(findTextQuote("Hello,\n\nthe printer is broken.\n\nDana")).toBeNull();
    expect(findTextQuote("Please see: the list\n- a\n- b")).toBeNull();
  });

  it("does not hide inline answers between quotes", () => {
    expect(findTextQuote("> q1\nanswer 1\n> q2\nanswer 2")).toEqual({ start: 0, end: 5 });
  });

  it("returns null when the whole message is history (a bare forward)", () => {
    expect(findTextQuote("-----Original Message-----\nFrom: a\nSent: b\nTo: c\nSubject: d\n\nbody")).toBeNull();
    expect(newTextOf("> only quoted")).toBe("> only quoted");
  });

  it("uses the configured separator, or none", () => {
    const text = "Answer\n\n=== Antworten Sie über dieser Zeile ===\nold";
    expect(newTextOf(text, { replySeparator: "Antworten Sie über dieser Zeile" })).toBe("Answer");
    expect(newTextOf("Answer\n--- cut here ---\nold", { replySeparator: "--- cut here ---" })).toBe("Answer");
    expect(findTextQuote("Answer\n--- cut here ---\nold", { replySeparator: null })).toBeNull();
    expect(findTextQuote("Answer\n--- cut here ---\nold")).toBeNull();
  });

  it("reports the range of a top-posted quote up to the end", () => {
    const text = "Hello\n\nOn Mon, Apr 2, 2012 at 6:26 PM, Megan One <xxx@gmail.com> wrote:\n\n> Hi";
    expect(findTextQuote(text)).toEqual({ start: 7, end: text.length });
  });
});

describe("findHtmlQuote", () => {
  const sanitized = (html: string) => sanitizeHtml(html).html;

  it("cuts at Outlook.com's divRplyFwdMsg", () => {
    const html = sanitized('<div>Thanks</div><hr><div id="divRplyFwdMsg"><b>From:</b> Support<br><b>Sent:</b> Mon<br><b>To:</b> Me<br><b>Subject:</b> x</div><div>old</div>');
    const range = findHtmlQuote(html)!;
    // Outlook's rule above the block belongs to the history too.
    expect(html.slice(0, range.start)).toBe("<div>Thanks</div>");
    expect(range.end).toBe(html.length);
  });

  it("cuts Apple Mail at the attribution above blockquote type=cite", () => {
    const html = sanitized('<div>Hello</div><div><br><div>On Apr 3, 2012, at 4:19 PM, bob wrote:</div><br><blockquote type="cite"><div>Hi</div></blockquote></div>');
    const { newText, quote } = detectQuote({ text: "", html });
    expect(newText).toBe("Hello");
    expect(html.slice(quote.htmlStart!)).toMatch(/^<div>On Apr 3/);
  });

  it("handles Thunderbird's bottom-posted HTML (moz-cite-prefix + blockquote, reply below)", () => {
    const html = sanitized('<div class="moz-cite-prefix">On 04/02/2012 06:26 PM, Megan One wrote:<br></div><blockquote type="cite">Hi</blockquote>Hello<br>');
    const range = findHtmlQuote(html)!;
    expect(range.start).toBe(0);
    expect(html.slice(range.end)).toBe("Hello<br />");
    expect(detectQuote({ text: "", html }).newText).toBe("Hello");
  });

  it("finds a textual Outlook header block in HTML paragraphs", () => {
    const html = sanitized("<p>Done.</p><p>&nbsp;</p><p><b>From:</b> Support<br><b>Sent:</b> Mon<br><b>To:</b> Me<br><b>Subject:</b> x</p><p>old text</p>");
    const range = findHtmlQuote(html)!;
    expect(html.slice(range.start)).toMatch(/^<p><b>From:<\/b>/);
    expect(detectQuote({ text: "", html }).newText).toBe("Done.");
  });

  it("recomputes offsets on HTML whose cid: links were rewritten", async () => {
    const html = sanitized('<p>See <img src="cid:a@b"></p><div class="gmail_quote">On Mon, X wrote:<blockquote>old</blockquote></div>');
    const rewritten = rewriteCidUrls(html, () => "/attachments/42/download");
    const range = findHtmlQuote(rewritten)!;
    expect(rewritten.slice(range.start)).toMatch(/^<div class="gmail_quote">/);
    expect(range.start - findHtmlQuote(html)!.start).toBe(rewritten.length - html.length);
  });

  it("returns null when there is no quote", () => {
    expect(findHtmlQuote(sanitized("<p>Just a question</p><blockquote>an indented remark</blockquote><p>more</p>"))).toBeNull();
  });
});

describe("makePreview", () => {
  it("flattens and shortens", () => {
    expect(makePreview("a\n\nb")).toBe("a b");
    expect(makePreview("x".repeat(300), 10)).toBe(`${"x".repeat(9)}…`);
  });
});
