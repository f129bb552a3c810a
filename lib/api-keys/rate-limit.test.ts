import { describe, expect, it } from "vitest";
import { resetRateLimits, takeToken } from "./rate-limit";

describe("API key rate limit", () => {
  it("allows the limit in a burst, then asks to wait, then refills", () => {
    resetRateLimits();
    const t0 = 1_000_000;
    for (let i = 0; i < 3; i++) expect(takeToken(1, 3, t0)).toBe(0);
    const wait = takeToken(1, 3, t0);
    expect(wait).toBeGreaterThan(19_000);
    expect(wait).toBeLessThanOrEqual(20_000);
    expect(takeToken(1, 3, t0 + 20_000)).toBe(0);
  });
  it("0 means unlimited", () => {
    for (let i = 0; i < 1000; i++) expect(takeToken(2, 0)).toBe(0);
  });
});
