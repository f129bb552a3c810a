// API keys managed by admins: the key is shown once and works at once on the external API; its
// allow-list, permissions and rate limit apply from the next request; a revoked key is refused.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "@/db/testing";
import { apiKeys, events } from "@/db/schema";
import { type ApiKeyInfo, flushApiKeyUsage, resetRateLimits } from "@/lib/api-keys";
import { POST as createTicketJson } from "@/app/api/tickets.json/route";
import { setupTestAuth } from "@/test/auth";
import { setApiEnv } from "@/test/intake-env";
import { apiRequest, json } from "@/test/intake-http";
import { api } from "@/test/staff-api";
import { type Cast, seedStaffCast } from "@/test/staff-factory";
import { DELETE, GET as getOne, PATCH } from "./[id]/route";
import { GET, POST } from "./route";

setApiEnv();
setupTestAuth();
const { db } = await createTestDb();
let cast: Cast;
beforeAll(async () => {
  cast = await seedStaffCast(db);
});

const idp = (id: number) => ({ id: String(id) });
const ticket = (key: string, ip = "203.0.113.7") =>
  createTicketJson(apiRequest("/api/tickets.json", json({ name: "Ann Lee", email: "ann@example.net", subject: "Printer", message: "It jams" }), { key, ip }));

describe("API keys (admins)", () => {
  it("creates a key shown once, which then opens tickets; the list shows its last use but never the key or hash", async () => {
    const res = await api(cast.admin).post<{ key: string; apiKey: ApiKeyInfo }>(POST, "/api/staff/api-keys", {}, { name: "Zapier", rateLimit: 60 });
    expect(res.status).toBe(201);
    expect(res.json.message).toMatch(/shown only this once/);
    const { key, apiKey } = res.json.data!;
    expect(key).toMatch(/^hd_/);
    expect(apiKey).toMatchObject({ name: "Zapier", prefix: key.slice(0, 11), rateLimit: 60, canCreateTickets: true, isActive: true, createdByName: "Administrator" });
    expect((await ticket(key)).status).toBe(201);
    await flushApiKeyUsage(db);

    const list = await api(cast.admin).get<{ items: ApiKeyInfo[] }>(GET, "/api/staff/api-keys");
    const listed = list.json.data!.items.find((k) => k.id === apiKey.id)!;
    expect(listed.lastUsedIp).toBe("203.0.113.7");
    expect(listed.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(list.json)).not.toContain(key);
    expect(JSON.stringify(list.json)).not.toMatch(/keyHash/);
    const [ev] = await db.select().from(events).where(and(eq(events.entityType, "api_key"), eq(events.entityId, apiKey.id)));
    expect(ev).toMatchObject({ action: "created", staffId: cast.admin.id });
  });

  it("an allow-list, a permission and the rate limit apply from the next request", async () => {
    const { key, apiKey } = (await api(cast.admin).post<{ key: string; apiKey: ApiKeyInfo }>(POST, "/api/staff/api-keys", {}, { name: "Office" })).json.data!;
    const p = `/api/staff/api-keys/${apiKey.id}`;
    expect((await api(cast.admin).patch(PATCH, p, idp(apiKey.id), { ipAllowList: ["198.51.100.0/24"] })).status).toBe(200);
    expect((await ticket(key, "203.0.113.7")).status).toBe(401);
    expect((await ticket(key, "198.51.100.20")).status).toBe(201);
    await api(cast.admin).patch(PATCH, p, idp(apiKey.id), { canCreateTickets: false });
    expect(await (await ticket(key, "198.51.100.20")).text()).toMatch(/API key not authorized/);
    resetRateLimits();
    await api(cast.admin).patch(PATCH, p, idp(apiKey.id), { canCreateTickets: true, rateLimit: 1 });
    expect((await ticket(key, "198.51.100.20")).status).toBe(201);
    expect((await ticket(key, "198.51.100.20")).status).toBe(429);
    const [ev] = await db.select().from(events).where(and(eq(events.entityId, apiKey.id), eq(events.action, "updated"))).limit(1);
    expect(ev.before).toMatchObject({ ipAllowList: [] });
    expect(ev.after).toMatchObject({ ipAllowList: ["198.51.100.0/24"] });
  });

  it("stores allow-list entries normalised (canonical addresses, network addresses of ranges, no duplicates)", async () => {
    const res = await api(cast.admin).post<{ key: string; apiKey: ApiKeyInfo }>(POST, "/api/staff/api-keys", {}, {
      name: "Normalised",
      ipAllowList: [" 198.51.100.20/24 ", "2001:DB8:0:0::1", "::ffff:203.0.113.9", "2001:db8::/32", "198.51.100.0/24", "[::1]"],
    });
    expect(res.status).toBe(201);
    expect(res.json.data!.apiKey.ipAllowList).toEqual(["198.51.100.0/24", "2001:db8::1", "203.0.113.9", "2001:db8::/32", "::1"]);
    const p = `/api/staff/api-keys/${res.json.data!.apiKey.id}`;
    const patched = await api(cast.admin).patch<ApiKeyInfo>(PATCH, p, idp(res.json.data!.apiKey.id), { ipAllowList: ["10.1.2.3/8"] });
    expect(patched.json.data!.ipAllowList).toEqual(["10.0.0.0/8"]);
    const bad = await api(cast.admin).patch(PATCH, p, idp(res.json.data!.apiKey.id), { ipAllowList: ["127.1"] });
    expect([bad.status, bad.json.errors]).toEqual([400, { ipAllowList: 'Not an IP address or CIDR range: "127.1"; write IPv4 as four decimal numbers without leading zeros, such as 10.0.0.1' }]);
    const [row] = await db.select().from(apiKeys).where(eq(apiKeys.id, res.json.data!.apiKey.id));
    expect(row.ipAllowList).toEqual(["10.0.0.0/8"]);
  });

  it("revoking refuses the key at once; a revoked key cannot be edited or revoked again", async () => {
    const { key, apiKey } = (await api(cast.admin).post<{ key: string; apiKey: ApiKeyInfo }>(POST, "/api/staff/api-keys", {}, { name: "Old" })).json.data!;
    const p = `/api/staff/api-keys/${apiKey.id}`;
    expect((await ticket(key)).status).toBe(201);
    const res = await api(cast.admin).del<ApiKeyInfo>(DELETE, p, idp(apiKey.id));
    expect(res.json.data!.isActive).toBe(false);
    expect(await (await ticket(key)).text()).toMatch(/API key not found\/active/);
    expect((await api(cast.admin).del(DELETE, p, idp(apiKey.id))).status).toBe(409);
    expect((await api(cast.admin).patch(PATCH, p, idp(apiKey.id), { name: "Again" })).status).toBe(409);
    expect((await db.select().from(apiKeys).where(eq(apiKeys.id, apiKey.id)))[0].isActive).toBe(false);
  });

  it.each([
    ["no name", {}, { name: "Name is required" }],
    ["a bad allow-list entry", { name: "X", ipAllowList: ["10.0.0.0/99"] }, { ipAllowList: 'Not an IP address or CIDR range: "10.0.0.0/99"' }],
    ["the ambiguous IPv4 form 010.0.0.1", { name: "X", ipAllowList: ["192.0.2.1", "010.0.0.1"] }, { ipAllowList: 'Not an IP address or CIDR range: "010.0.0.1"; write IPv4 as four decimal numbers without leading zeros, such as 10.0.0.1' }],
    ["the ambiguous IPv4 form 1.2.3", { name: "X", ipAllowList: ["192.0.2.1", "1.2.3"] }, { ipAllowList: 'Not an IP address or CIDR range: "1.2.3"; write IPv4 as four decimal numbers without leading zeros, such as 10.0.0.1' }],
    ["the ambiguous IPv4 form 127.1", { name: "X", ipAllowList: ["192.0.2.1", "127.1"] }, { ipAllowList: 'Not an IP address or CIDR range: "127.1"; write IPv4 as four decimal numbers without leading zeros, such as 10.0.0.1' }],
    ["the ambiguous IPv4 form 0177.0.0.1", { name: "X", ipAllowList: ["192.0.2.1", "0177.0.0.1"] }, { ipAllowList: 'Not an IP address or CIDR range: "0177.0.0.1"; write IPv4 as four decimal numbers without leading zeros, such as 10.0.0.1' }],
    ["the ambiguous IPv4 form 0x7f.0.0.1", { name: "X", ipAllowList: ["192.0.2.1", "0x7f.0.0.1"] }, { ipAllowList: 'Not an IP address or CIDR range: "0x7f.0.0.1"; write IPv4 as four decimal numbers without leading zeros, such as 10.0.0.1' }],
    ["the ambiguous IPv4 form 10.0.0.01/8", { name: "X", ipAllowList: ["192.0.2.1", "10.0.0.01/8"] }, { ipAllowList: 'Not an IP address or CIDR range: "10.0.0.01/8"; write IPv4 as four decimal numbers without leading zeros, such as 10.0.0.1' }],
    ["a prefix length with a leading zero", { name: "X", ipAllowList: ["10.0.0.0/08"] }, { ipAllowList: 'Not an IP address or CIDR range: "10.0.0.0/08"' }],
    ["an IPv6 zone id", { name: "X", ipAllowList: ["fe80::1%eth0"] }, { ipAllowList: 'Not an IP address or CIDR range: "fe80::1%eth0"' }],
    ["a negative rate limit", { name: "X", rateLimit: -1 }, { rateLimit: "0 (unlimited) or more" }],
    ["a string permission", { name: "X", canExecuteCron: "yes" }, { canExecuteCron: "Invalid input: expected boolean, received string" }],
  ])("refuses %s", async (_n, body, errors) => {
    const res = await api(cast.admin).post(POST, "/api/staff/api-keys", {}, body);
    expect({ status: res.status, errors: res.json.errors }).toEqual({ status: 400, errors });
  });

  it("is for admins only, and an unknown key is a 404", async () => {
    expect((await api(cast.manager).get(GET, "/api/staff/api-keys")).status).toBe(403);
    expect((await api(cast.agentA).post(POST, "/api/staff/api-keys", {}, { name: "x" })).status).toBe(403);
    expect((await api(cast.admin).get(getOne, "/api/staff/api-keys/99999", idp(99999))).status).toBe(404);
  });
});
