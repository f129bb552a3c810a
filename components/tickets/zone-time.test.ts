import { describe, expect, it } from "vitest";
import { isoToZoned, zonedToIso } from "./zone-time";

describe("zone-time", () => {
  it.each([
    ["2025-03-31T17:00", "America/Chicago", "2025-03-31T22:00:00.000Z"],
    ["2025-01-15T09:30", "America/Chicago", "2025-01-15T15:30:00.000Z"],
    ["2025-07-01T12:00", "Europe/Paris", "2025-07-01T10:00:00.000Z"],
    ["2025-07-01T12:00", "UTC", "2025-07-01T12:00:00.000Z"],
  ])("%s in %s is %s", (local, zone, iso) => {
    expect(zonedToIso(local, zone)).toBe(iso);
    expect(isoToZoned(iso, zone)).toBe(local);
  });
});
