import { describe, expect, it } from "vitest";
import { cjkPairs, parseQuery, prepareText, toTsquery } from "./text";

describe("CJK pairs", () => {
  it("splits runs into overlapping pairs, keeps other text", () => {
    expect(cjkPairs("請求書")).toEqual(["請求", "求書"]);
    expect(cjkPairs("請")).toEqual(["請"]);
    expect(prepareText("東京都の請求書").trim().split(/\s+/)).toEqual(["東京", "京都", "都の", "の請", "請求", "求書"]);
    expect(prepareText("PDF請求書。Thanks")).toBe("PDF 請求 求書 。Thanks");
    // Full-width Latin is folded (NFKC); Korean is paired too.
    expect(prepareText("ＡＢＣ")).toBe("ABC");
    expect(prepareText("비밀번호").trim()).toBe("비밀 밀번 번호");
  });

  it("cuts long text", () => {
    expect(prepareText("x".repeat(50), 10)).toHaveLength(10);
  });
});

describe("parseQuery", () => {
  it("words, the last one as a prefix; numbers and emails exact", () => {
    const p = parseQuery("Printer 482913 ana@Example.com jam");
    expect(p.terms).toEqual([
      { kind: "word", text: "printer", prefix: false },
      { kind: "word", text: "482913", prefix: false },
      { kind: "email", text: "ana@example.com" },
      { kind: "word", text: "jam", prefix: true },
    ]);
    expect(p.numbers).toEqual(["482913"]);
    expect(p.emails).toEqual(["ana@example.com"]);
    expect(parseQuery("#482913").numbers).toEqual(["482913"]);
  });

  it("quoted phrases and CJK runs become phrases", () => {
    expect(parseQuery('"paper jam" tray').terms).toEqual([
      { kind: "phrase", words: ["paper", "jam"], prefixLast: false },
      { kind: "word", text: "tray", prefix: true },
    ]);
    expect(parseQuery("請求書").terms).toEqual([{ kind: "phrase", words: ["請求", "求書"], prefixLast: false }]);
    expect(parseQuery("請").terms).toEqual([{ kind: "word", text: "請", prefix: true }]);
  });

  it("drops punctuation-only tokens", () => {
    expect(parseQuery(" !! -- ").terms).toEqual([]);
    expect(parseQuery("(printer),").terms).toEqual([{ kind: "word", text: "printer", prefix: true }]);
  });
});

describe("toTsquery", () => {
  it("quotes every operand, marks prefixes and weights", () => {
    const { terms } = parseQuery(`o'brien 請求書 ja`);
    expect(toTsquery(terms)).toBe(`'o''brien' & ('請求' <-> '求書') & 'ja':*`);
    expect(toTsquery(terms, "A")).toBe(`'o''brien':A & ('請求':A <-> '求書':A) & 'ja':*A`);
    expect(toTsquery(parseQuery("back\\slash").terms)).toBe(`'back\\\\slash':*`);
  });
});
