import { describe, expect, it } from "vitest";
import { isCrossSiteRequest } from "./same-site";

const req = (headers: Record<string, string>, url = "http://help.example.com/api/staff/x") => new Request(url, { method: "POST", headers });

describe("isCrossSiteRequest", () => {
  it.each([
    ["no headers (curl, scripts)", {}, false],
    ["Sec-Fetch-Site same-origin", { "sec-fetch-site": "same-origin" }, false],
    ["Sec-Fetch-Site none (typed in the address bar)", { "sec-fetch-site": "none" }, false],
    ["Sec-Fetch-Site cross-site", { "sec-fetch-site": "cross-site" }, true],
    ["own Origin", { origin: "http://help.example.com" }, false],
    ["own Origin by Host header", { origin: "http://desk.local:3000", host: "desk.local:3000" }, false],
    ["foreign Origin", { origin: "https://evil.example" }, true],
    ["foreign Origin with same-origin fetch metadata", { origin: "https://evil.example", "sec-fetch-site": "same-origin" }, true],
    ["opaque Origin null", { origin: "null" }, true],
    ["cross-site even with own Origin", { origin: "http://help.example.com", "sec-fetch-site": "cross-site" }, true],
  ])("%s -> %s", (_name, headers, expected) => {
    expect(isCrossSiteRequest(req(headers))).toBe(expected);
  });

  it("accepts the configured public origin behind a proxy that rewrites Host", () => {
    const r = req({ origin: "https://help.example.org", host: "127.0.0.1:3000" }, "http://127.0.0.1:3000/api/staff/x");
    expect(isCrossSiteRequest(r, "https://help.example.org")).toBe(false);
    expect(isCrossSiteRequest(r)).toBe(true);
  });
});
