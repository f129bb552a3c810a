import { describe, expect, it } from "vitest";
import { createTestDb, testDbKind } from "@/db/testing";
import { setDbHandle, type DbHandle } from "@/db/client";
import { GET } from "./route";

describe("GET /api/health", () => {
  it("reports the driver and migration level", async () => {
    await createTestDb();
    const res = await GET();
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.status).toBe("ok");
    expect(body.db.driver).toBe(testDbKind());
    expect(body.db.migrations.pending).toEqual([]);
    expect(body.db.migrations.applied).toBeGreaterThan(0);
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("answers 503 when the database is unreachable", async () => {
    const broken: DbHandle = {
      driver: "pg",
      location: "nowhere",
      db: { execute: async () => { throw new Error("connect ECONNREFUSED"); } } as unknown as DbHandle["db"],
      close: async () => {},
    };
    setDbHandle(broken);
    const res = await GET();
    expect(res.status).toBe(503);
    const body = await res.json();
    expect(body.status).toBe("error");
    expect(body.db.error).toBe("database unreachable");
  });
});
