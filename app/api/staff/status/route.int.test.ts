// GET /api/staff/status needs a staff session (services list for the panel banners).
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "@/db/testing";
import { callRoute, staffRequest, setupTestAuth } from "@/test/auth";
import { type Cast, seedStaffCast } from "@/test/staff-factory";
import { GET as statusGET } from "./route";

setupTestAuth();
const { db } = await createTestDb();
let cast: Cast;
beforeAll(async () => {
  cast = await seedStaffCast(db);
});

describe("GET /api/staff/status", () => {
  it("allows reads from another site (no state changes) but still needs the session", async () => {
    const req = await staffRequest("/api/staff/status", { as: cast.agentA, headers: { "sec-fetch-site": "cross-site" } });
    expect((await callRoute(statusGET, req)).status).toBe(200);
  });

  it("GET /api/staff/status needs a session", async () => {
    expect((await callRoute(statusGET, await staffRequest("/api/staff/status"))).status).toBe(401);
    expect((await callRoute(statusGET, await staffRequest("/api/staff/status", { as: cast.inactive }))).status).toBe(401);
    const res = await callRoute<{ services: unknown[] }>(statusGET, await staffRequest("/api/staff/status", { as: cast.agentB }));
    expect(res.status).toBe(200);
    expect(res.json.data!.services.length).toBeGreaterThan(0);
  });
});
