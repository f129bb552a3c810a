// The XML format and the API-key rules (allow-list, active flag, permissions, rate limit).
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import iconv from "iconv-lite";
import type { Db } from "@/db/client";
import { createTestDb } from "@/db/testing";
import { apiKeys, attachments, threadEntries, tickets, users } from "@/db/schema";
import { clearApiKeyCache, createApiKey, flushApiKeyUsage, resetRateLimits, revokeApiKey } from "@/lib/api-keys";
import { seedBasics } from "@/test/factories";
import { setApiEnv } from "@/test/intake-env";
import { apiRequest } from "@/test/intake-http";
import { POST } from "./route";

let db: Db;
let key: string;
const post = (body: BodyInit, o: Parameters<typeof apiRequest>[2] = {}) => POST(apiRequest("/api/tickets.xml", body, { key, ...o }));

beforeAll(async () => {
  setApiEnv();
  db = (await createTestDb()).db;
  key = (await seedBasics(db)).seed.apiKey!;
});

const OSTICKET_SAMPLE = `<?xml version="1.0" encoding="UTF-8"?>
<ticket alert="false" autorespond="false" source="API">
    <name>Angry User</name>
    <email>api@osticket.example</email>
    <subject>Testing API</subject>
    <phone>318-555-8634X123</phone>
    <message type="text/plain"><![CDATA[Message content here]]></message>
    <attachments>
        <file name="file.txt" type="text/plain"><![CDATA[
            File content is here and is automatically trimmed
        ]]></file>
        <file name="image.gif" type="image/gif" encoding="base64">
            R0lGODlhDAAMALMBAAAAAP///wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
            AAAAACH5BAUKAAEALAAAAAAMAAwAAAQZMMhJK7iY4p3MlSW2uxKnotbqabHCxCwolEtPkhnqLrYXvg==
        </file>
    </attachments>
    <ip>123.211.233.122</ip>
</ticket>`;

describe("POST /api/tickets.xml", () => {
  it("accepts osTicket's documented sample: attributes, CDATA, base64 attachment", async () => {
    const res = await post(OSTICKET_SAMPLE, { contentType: "application/xml" });
    expect(res.status).toBe(201);
    const number = (await res.text()).trim();
    const [t] = await db.select().from(tickets).where(eq(tickets.number, number));
    expect(t.subject).toBe("Testing API");
    expect(t.ip).toBe("123.211.233.122");
    const [u] = await db.select().from(users).where(eq(users.id, t.userId));
    expect([u.name, u.phone]).toEqual(["Angry User", "318-555-8634X123"]);
    const files = await db.select().from(attachments).where(eq(attachments.ticketId, t.id));
    expect(files.map((f) => [f.name, f.size])).toEqual([
      ["file.txt", "File content is here and is automatically trimmed".length],
      ["image.gif", Buffer.from(OSTICKET_SAMPLE.split('encoding="base64">')[1].split("</file>")[0].replace(/\s/g, ""), "base64").length],
    ]);
  });

  it("honours the declared encoding", async () => {
    const xml = `<?xml version="1.0" encoding="ISO-8859-1"?><ticket><email>k@example.de</email><name>Jürgen Groß</name><subject>Grüße</subject><message>Straße</message></ticket>`;
    const res = await post(new Uint8Array(iconv.encode(xml, "latin1")), { accept: "application/json" });
    expect(res.status).toBe(201);
    const { data } = await res.json();
    const [t] = await db.select().from(tickets).where(eq(tickets.id, data.tid));
    expect(t.subject).toBe("Grüße");
  });

  it("never expands entity declarations nor resolves external entities", async () => {
    const xml = `<?xml version="1.0"?>
<!DOCTYPE ticket [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
<ticket><email>x@example.com</email><subject>XXE &amp; friends &#233;</subject><message>a &xxe; b &lol2;</message></ticket>`;
    const res = await post(xml, { accept: "application/json" });
    expect(res.status).toBe(201);
    const { data } = await res.json();
    const [t] = await db.select().from(tickets).where(eq(tickets.id, data.tid));
    expect(t.subject).toBe("XXE & friends é");
    const [entry] = await db.select().from(threadEntries).where(eq(threadEntries.ticketId, data.tid));
    expect(entry.bodyText).toBe("a &xxe; b &lol2;");
    expect(entry.bodyText).not.toContain("root:");
  });

  it("says where malformed XML broke, and what the root must be", async () => {
    const bad = await post("<ticket><email>x@example.com</emial></ticket>");
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/^Malformed XML: .*line 1, column \d+/);
    const root = await post("<request><email>x@example.com</email></request>");
    expect(await root.text()).toContain("root element must be <ticket>");
  });

  it("accepts an HTML message given as a data URI with base64 and a charset", async () => {
    const html = Buffer.from("<p>Grüße</p>", "utf8").toString("base64");
    const res = await post(`<ticket><email>h@example.com</email><subject>S</subject><message>data:text/html;charset=utf-8;base64,${html}</message></ticket>`, { accept: "application/json" });
    const { data } = await res.json();
    const [entry] = await db.select().from(threadEntries).where(eq(threadEntries.ticketId, data.tid));
    expect(entry.bodyText).toBe("Grüße");
  });
});

describe("API keys", () => {
  const body = `<ticket><email>k@example.com</email><subject>S</subject><message>M</message></ticket>`;

  it.each([
    ["missing", null, "Valid API key required"],
    ["unknown", "hd_not-a-real-key", "Valid API key required"],
  ])("%s key: 401 %s", async (_label, k, text) => {
    const res = await POST(apiRequest("/api/tickets.xml", body, { key: k }));
    expect(res.status).toBe(401);
    expect(await res.text()).toBe(`${text}\n`);
  });

  it("allow-list: a listed address or range passes, others get 'Valid API key required'", async () => {
    const { key: limited } = await createApiKey(db, { name: "office", ipAllowList: ["198.51.100.7", "10.0.0.0/8"] });
    expect((await post(body, { key: limited, ip: "10.20.30.40" })).status).toBe(201);
    expect((await post(body, { key: limited, ip: "198.51.100.7" })).status).toBe(201);
    const denied = await post(body, { key: limited, ip: "203.0.113.9" });
    expect([denied.status, await denied.text()]).toEqual([401, "Valid API key required\n"]);
    // A client-set X-Forwarded-For changes nothing: the address comes from our server.
    const spoof = await post(body, { key: limited, ip: "203.0.113.9", headers: { "x-forwarded-for": "10.0.0.1" } });
    expect(spoof.status).toBe(401);
  });

  it("inactive key and missing permission have osTicket's texts; JSON when asked", async () => {
    const { key: noCreate } = await createApiKey(db, { name: "cron only", canCreateTickets: false });
    const res = await post(body, { key: noCreate });
    expect([res.status, await res.text()]).toEqual([401, "API key not authorized\n"]);
    const { key: revoked, apiKey } = await createApiKey(db, { name: "old" });
    await revokeApiKey(db, String(apiKey.id));
    const r2 = await post(body, { key: revoked, accept: "application/json" });
    expect(r2.status).toBe(401);
    expect(await r2.json()).toEqual({ status: 401, message: "API key not found/active or source IP not authorized", errors: {} });
  });

  it("rate-limits per key with 429 and Retry-After; 0 is unlimited", async () => {
    resetRateLimits();
    const { key: slow } = await createApiKey(db, { name: "slow", rateLimit: 2 });
    expect((await post(body, { key: slow })).status).toBe(201);
    expect((await post(body, { key: slow })).status).toBe(201);
    const third = await post(body, { key: slow });
    expect(third.status).toBe(429);
    expect(Number(third.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("records last use in a batch, not on the request", async () => {
    clearApiKeyCache();
    const { key: k, apiKey } = await createApiKey(db, { name: "usage" });
    expect((await post(body, { key: k, ip: "192.0.2.44" })).status).toBe(201);
    const [before] = await db.select().from(apiKeys).where(eq(apiKeys.id, apiKey.id));
    expect(before.lastUsedAt).toBeNull();
    await flushApiKeyUsage(db);
    const [after] = await db.select().from(apiKeys).where(eq(apiKeys.id, apiKey.id));
    expect(after.lastUsedIp).toBe("192.0.2.44");
    expect(after.lastUsedAt).not.toBeNull();
  });
});
