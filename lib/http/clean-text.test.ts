import { describe, expect, it } from "vitest";
import { cleanReviver, cleanStrings, cleanText } from "./clean-text";

describe("cleanText", () => {
  it("removes NUL characters", () => {
    expect(cleanText("a\u0000b\u0000")).toBe("ab");
  });
  it("replaces lone surrogates and keeps real pairs", () => {
    expect(cleanText("x\ud800y")).toBe("x\ufffdy");
    expect(cleanText("\udc00")).toBe("\ufffd");
    expect(cleanText("emoji 😀")).toBe("emoji 😀");
  });
  it("leaves ordinary text alone (same string)", () => {
    const s = "Grüße, 東京";
    expect(cleanText(s)).toBe(s);
  });
  it("cleans nested values and keys, leaving numbers and booleans", () => {
    expect(cleanStrings({ "k\u0000": ["a\u0000", { b: "\ud83d" }], n: 1, t: true, z: null })).toEqual({ k: ["a", { b: "\ufffd" }], n: 1, t: true, z: null });
  });
  it("works as a JSON.parse reviver", () => {
    expect(JSON.parse('{"a":"x\\u0000y","b":["\\ud800"]}', cleanReviver)).toEqual({ a: "xy", b: ["\ufffd"] });
  });
});
