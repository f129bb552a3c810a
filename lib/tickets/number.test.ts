import { describe, expect, it } from "vitest";
import { capacityOf, pickDigits, randomTicketNumber } from "./number";

describe("randomTicketNumber", () => {
  it("has the asked length and never starts with 0", () => {
    for (let i = 0; i < 5000; i++) {
      const n = randomTicketNumber(6);
      expect(n).toMatch(/^[1-9]\d{5}$/);
    }
    expect(randomTicketNumber(7)).toMatch(/^[1-9]\d{6}$/);
  });

  it("knows the size of each space", () => {
    expect(capacityOf(6)).toBe(900_000);
    expect(capacityOf(7)).toBe(9_000_000);
  });
});

describe("pickDigits", () => {
  it("stays at 6 digits up to half of the space, then grows", async () => {
    const used = (counts: Record<number, number>) => async (d: number, limit: number) => Math.min(counts[d] ?? 0, limit);
    expect(await pickDigits(used({ 6: 0 }))).toBe(6);
    expect(await pickDigits(used({ 6: 450_000 }))).toBe(6);
    expect(await pickDigits(used({ 6: 450_001 }))).toBe(7);
    expect(await pickDigits(used({ 6: 900_000, 7: 4_500_001 }))).toBe(8);
  });
});
