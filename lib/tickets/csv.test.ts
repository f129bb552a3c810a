import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { csvCell, csvRow } from "./csv";

describe("csvCell", () => {
  it.each([
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["line1\nline2", '"line1\nline2"'],
    ["=1+2", "'=1+2"],
    ["+1 555 0100", "'+1 555 0100"],
    ["-5 degrees", "'-5 degrees"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1+1", "\"'\t=1+1\""],
    ["\r=2+2", "\"'\r=2+2\""],
    ['=HYPERLINK("x","y")', '"\'=HYPERLINK(""x"",""y"")"'],
  ])("%j -> %j", (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it("leaves numbers, booleans and dates alone", () => {
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell(true)).toBe("Yes");
    expect(csvCell(new Date("2025-03-27T09:00:00.123Z"))).toBe("2025-03-27 09:00:00");
    expect(csvCell(null)).toBe("");
  });

  it("round-trips through a CSV parser", () => {
    const values = ["a,b", 'q"q', "multi\r\nline", "=x", "ünïcödé"];
    const [parsed] = parse(csvRow(values), { bom: true, relax_quotes: false }) as string[][];
    expect(parsed).toEqual(["a,b", 'q"q', "multi\r\nline", "'=x", "ünïcödé"]);
  });
});
