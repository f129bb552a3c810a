import { describe, expect, it } from "vitest";
import { createTestDb } from "@/db/testing";
import { getSettings, updateSettings } from "./settings";

const { db } = await createTestDb();

describe("updateSettings", () => {
  it("changes only the keys it is given", async () => {
    await updateSettings(db, { timezone: "Europe/Berlin", autoCloseDays: 3, defaultDeptId: 7 });
    await updateSettings(db, { helpdeskName: "Acme Support" });
    const s = await getSettings(db);
    expect(s).toMatchObject({ helpdeskName: "Acme Support", timezone: "Europe/Berlin", autoCloseDays: 3, defaultDeptId: 7 });
  });
});
