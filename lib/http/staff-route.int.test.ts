// The staff route wrapper: session, permission, same-site rule, zod parsing, envelope.
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createTestDb } from "@/db/testing";
import { callRoute, staffRequest, setupTestAuth } from "@/test/auth";
import { type Cast, seedStaffCast } from "@/test/staff-factory";
import { ok } from "./envelope";
import { parseIfMatch, staffRoute } from "./staff-route";

setupTestAuth();
const { db } = await createTestDb();
let cast: Cast;
beforeAll(async () => {
  cast = await seedStaffCast(db);
});

const echo = staffRoute(
  {
    permission: "tickets.delete",
    params: z.object({ tid: z.coerce.number().int().positive() }),
    query: z.object({ verbose: z.enum(["0", "1"]).optional() }),
    body: z.object({ subject: z.string().min(1, "Subject is required"), n: z.number().int().optional() }),
  },
  ({ staff, params, query, body, ifMatch }) => ok({ staffId: staff.id, tid: params.tid, verbose: query.verbose, subject: body.subject, ifMatch }),
);

const post = (as: Cast["admin"] | null, body: unknown, headers: Record<string, string> = {}) =>
  staffRequest("/api/staff/echo/5?verbose=1", { method: "POST", as, body, headers });

describe("staffRoute", () => {
  it("passes parsed params, query, body and If-Match to the handler", async () => {
    const res = await callRoute(echo, await post(cast.manager, { subject: "Hi" }, { "if-match": 'W/"7"' }), { tid: "5" });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ status: 200, message: "OK", data: { staffId: cast.manager.id, tid: 5, verbose: "1", subject: "Hi", ifMatch: 7 } });
  });

  it.each([
    ["no session", null, {}, {}, 401, "Sign in required"],
    ["missing permission", "agentA", {}, {}, 403, "You do not have the permission tickets.delete"],
    ["cross-site fetch metadata", "manager", { "sec-fetch-site": "cross-site" }, {}, 403, "Cross-site request refused"],
    ["foreign Origin", "manager", { origin: "https://evil.example" }, {}, 403, "Cross-site request refused"],
    ["bad If-Match", "manager", { "if-match": "yesterday" }, {}, 400, 'If-Match must be a ticket version, e.g. "3"'],
  ] as const)("%s -> %i", async (_name, who, headers, _x, status, message) => {
    const as = who ? cast[who] : null;
    const res = await callRoute(echo, await post(as, { subject: "Hi" }, headers), { tid: "5" });
    expect(res.status).toBe(status);
    expect(res.json.status).toBe(status);
    expect(res.json.message).toBe(message);
  });

  it("names the invalid body field", async () => {
    const res = await callRoute(echo, await post(cast.manager, { subject: "", n: 1.5 }), { tid: "5" });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ status: 400, message: "Invalid request body", errors: { subject: "Subject is required", n: expect.any(String) } });
  });

  it("answers malformed JSON with a 400 saying so", async () => {
    const res = await callRoute(echo, await post(cast.manager, "{nope"), { tid: "5" });
    expect(res.status).toBe(400);
    expect(res.json.message).toMatch(/^Malformed JSON/);
  });

  it("answers a non-numeric path id with 404", async () => {
    const res = await callRoute(echo, await post(cast.manager, { subject: "x" }), { tid: "abc" });
    expect(res.status).toBe(404);
  });
});

describe("parseIfMatch", () => {
  it.each([
    ['"3"', 3],
    ["3", 3],
    ['W/"12"', 12],
    ["*", undefined],
    [null, undefined],
  ])("%s -> %s", (value, expected) => {
    expect(parseIfMatch(value)).toBe(expected);
  });
});
