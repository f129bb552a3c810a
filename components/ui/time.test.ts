import { describe, expect, it } from "vitest";
import { formatTime } from "./time";

describe("formatTime", () => {
  it("formats in the zone", () => {
    expect(formatTime("2025-03-31T22:00:00Z", "America/Chicago")).toBe("2025-03-31 17:00");
    expect(formatTime(new Date("2025-01-01T00:30:00Z"), "Asia/Tokyo")).toBe("2025-01-01 09:30");
    expect(formatTime("2025-01-01T00:00:00Z", "UTC")).toBe("2025-01-01 00:00");
  });
});
