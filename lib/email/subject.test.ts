// Subject helpers: whitespace rule, reply-prefix stripping and ticket-tag shapes (case 05 and beyond).
import { describe, expect, it } from "vitest";
import { extractTicketTags, normalizeSubject, stripReplyPrefixes, stripTicketTags } from "./subject";

describe("normalizeSubject", () => {
  it.each([
    ["Die Hasen und   die Frösche", "Die Hasen und die Frösche"],
    ["  Re:\tfolded\r\n   subject  ", "Re: folded subject"],
    ["tab\u000bvertical", "tab vertical"],
    ["", ""],
  ])("%j -> %j", (input, expected) => expect(normalizeSubject(input)).toBe(expected));
});

describe("stripReplyPrefixes", () => {
  it.each([
    ["Re: Test", "Test"],
    ["RE: Test", "Test"],
    ["re:Test", "Test"],
    ["Fwd: Re: FW: Test", "Test"],
    ["SV: AW: Antw: RE: [#123456] Printer on floor 3 jams", "[#123456] Printer on floor 3 jams"],
    ["VS: [#123456] Printer", "[#123456] Printer"],
    ["WG: Rechnung", "Rechnung"],
    ["Re[2]: Test", "Test"],
    ["RE (3): Test", "Test"],
    ["TR : Facture", "Facture"],
    ["回复：测试", "测试"],
    ["Re: [#99999999] Printer on floor 3 jams", "[#99999999] Printer on floor 3 jams"],
    ["Reply needed: server down", "Reply needed: server down"],
    ["Return policy", "Return policy"],
    ["Automatic reply: Toner order", "Automatic reply: Toner order"],
    ["Re:", ""],
  ])("%j -> %j", (input, expected) => expect(stripReplyPrefixes(input)).toBe(expected));
});

describe("extractTicketTags", () => {
  it.each([
    ["Printer on floor 3 jams[#482913]still broken", ["482913"]],
    ["VS: [#482913] Printer on floor 3 jams", ["482913"]],
    ["AW: [#482913] Drucker im 3. Stock stört", ["482913"]],
    ["[#482913]", ["482913"]],
    ["Re: [#99999999] Printer on floor 3 jams", ["99999999"]],
    ["[# 482913 ] spaced", ["482913"]],
    ["Follow-up on #482913", ["482913"]],
    ["#482913 and [#111222]", ["111222", "482913"]],
    ["[#111222] dup [#111222] #111222", ["111222"]],
    ["Issue #12 in the app", []],
    ["Order ABC#1234567", []],
    ["Ticket Received - 286614 - Toner", []],
    ["Printer on floor 3 jams", []],
  ])("%j -> %j", (input, expected) => expect(extractTicketTags(input)).toEqual(expected));
});

describe("stripTicketTags", () => {
  it("removes bracketed tags and tidies the spaces", () => {
    expect(stripTicketTags("Printer on floor 3 jams[#482913]still broken")).toBe("Printer on floor 3 jams still broken");
    expect(stripTicketTags("[#482913] Printer")).toBe("Printer");
  });
});
