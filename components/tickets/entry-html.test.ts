import { describe, expect, it } from "vitest";
import { inlineCids, splitEntryBody } from "./entry-html";

const e = (o: Partial<Parameters<typeof splitEntryBody>[0]>) => ({ bodyHtml: "", bodyText: "", quoteStartHtml: null, quoteStartText: null, ...o });

describe("splitEntryBody", () => {
  it("splits HTML at the recorded cut", () => {
    const html = "<p>New text</p><blockquote>old</blockquote>";
    expect(splitEntryBody(e({ bodyHtml: html, quoteStartHtml: 15 }))).toEqual({ main: "<p>New text</p>", quoted: "<blockquote>old</blockquote>", isHtml: true });
  });
  it("moves a cut inside a tag back to the tag's start", () => {
    const html = "<p>New</p><blockquote>old</blockquote>";
    expect(splitEntryBody(e({ bodyHtml: html, quoteStartHtml: 13 })).main).toBe("<p>New</p>");
  });
  it("shows a body that is all quote unfolded", () => {
    expect(splitEntryBody(e({ bodyHtml: "<blockquote>old</blockquote>", quoteStartHtml: 0 }))).toMatchObject({ quoted: "" });
    expect(splitEntryBody(e({ bodyHtml: "<div></div><blockquote>old</blockquote>", quoteStartHtml: 11 }))).toMatchObject({ quoted: "" });
  });
  it("falls back to the plain text and its cut", () => {
    expect(splitEntryBody(e({ bodyText: "Hi\n> old", quoteStartText: 3 }))).toEqual({ main: "Hi\n", quoted: "> old", isHtml: false });
  });
});

describe("inlineCids", () => {
  it("points known cids at the attachment and leaves unknown ones", () => {
    const html = '<img src="cid:Logo@x"><img src="cid:other">';
    expect(inlineCids(html, [{ url: "/api/staff/attachments/7", contentId: "logo@x" }])).toBe('<img src="/api/staff/attachments/7"><img src="cid:other">');
  });
});
