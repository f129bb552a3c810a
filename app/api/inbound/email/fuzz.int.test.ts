// Fuzz: malformed JSON/XML bodies and mutated emails. Never a 5xx, never a partial write, every
// email either stored or refused with a reason. Sizes scale down on the PGlite pass.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { count, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rows } from "@/db/rows";
import { createTestDb } from "@/db/testing";
import { inboundMessages, tickets } from "@/db/schema";
import { POST as postJson } from "@/app/api/tickets.json/route";
import { POST as postXml } from "@/app/api/tickets.xml/route";
import { POST as webhook } from "@/app/api/inbound/email/route";
import { createApiKey } from "@/lib/api-keys";
import { updateSettings } from "@/lib/config/settings";
import { seedBasics } from "@/test/factories";
import { INBOUND_SECRET } from "@/test/inbound-doors";
import { setApiEnv } from "@/test/intake-env";
import { apiRequest } from "@/test/intake-http";
import { scaled } from "@/test/scale";

let db: Db;
let key: string;

/** A small seeded PRNG (mulberry32) so a failure can be replayed. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: T[]) => xs[Math.floor(next() * xs.length)] };
}
type Rng = ReturnType<typeof rng>;

const JUNK = ["\u0000", "\uFFFD", "\u202E", "'", '"', "\\", "<", ">", "&", "]]>", "{", "}", "[", "]", ",", ":", "\n", "\r\n", "=?UTF-8?B?", "%", "😀", "\t", "null", "true", "1e309", "-0", "<!ENTITY x SYSTEM 'file:///etc/passwd'>", "&x;", "data:", ";base64,"];

/** Byte-level and structural mutations of a valid input. */
function mutate(r: Rng, input: string): string {
  let s = input;
  const n = 1 + r.int(4);
  for (let i = 0; i < n; i++) {
    const pos = r.int(s.length + 1);
    switch (r.int(7)) {
      case 0: s = s.slice(0, pos); break; // truncate
      case 1: s = s.slice(0, pos) + r.pick(JUNK) + s.slice(pos); break; // insert junk
      case 2: s = s.slice(0, pos) + s.slice(pos + 1 + r.int(20)); break; // delete a run
      case 3: s = s.slice(0, pos) + String.fromCharCode(r.int(256)) + s.slice(pos + 1); break; // flip a char
      case 4: s = s.slice(0, pos) + s.slice(r.int(s.length)).slice(0, 40) + s.slice(pos); break; // duplicate a piece
      case 5: s = s.replace(/\n/g, r.next() < 0.5 ? "\r\n" : "\n\n"); break; // line ends
      default: s = s.split("").reverse().join("").slice(0, 50) + s; break;
    }
  }
  return s;
}

const VALID_JSON = JSON.stringify({
  name: "Fuzz User",
  email: "fuzz@example.com",
  subject: "Fuzz subject",
  message: "data:text/html;charset=utf-8,<p>Hello <b>fuzz</b></p>",
  priorityId: 2,
  alert: "false",
  attachments: [{ "a.txt": "data:text/plain;base64,aGVsbG8=" }],
});
function jsonVariant(r: Rng): string {
  if (r.next() < 0.3) {
    const obj: Record<string, unknown> = JSON.parse(VALID_JSON);
    const k = r.pick(Object.keys(obj));
    obj[k] = r.pick([null, 1, -1, 1e308, true, [], {}, "", "x".repeat(r.int(400)), [1, 2], { a: { b: { c: [] } } }, r.pick(JUNK)]);
    if (r.next() < 0.2) obj.email = `fuzz${r.int(50)}@example.com`;
    return JSON.stringify(r.next() < 0.1 ? [obj] : obj);
  }
  if (r.next() < 0.05) return "[".repeat(5000) + "]".repeat(5000);
  return mutate(r, VALID_JSON);
}

const VALID_XML = `<?xml version="1.0" encoding="UTF-8"?><ticket alert="false" autorespond="false"><name>Fuzz</name><email>fuzz@example.com</email><subject>X</subject><message type="text/html"><![CDATA[<p>hi</p>]]></message><attachments><file name="a.txt" type="text/plain" encoding="base64">aGVsbG8=</file></attachments></ticket>`;
const xmlVariant = (r: Rng) => (r.next() < 0.1 ? `<?xml version="1.0" encoding="${r.pick(["utf-16", "bogus-enc", "latin1", "shift_jis"])}"?>${VALID_XML.slice(38)}` : mutate(r, VALID_XML));

const fixtures = [
  "test/fixtures/cases/01-cc-reply-all-threading/1-original.eml",
  "test/fixtures/cases/11-attachment-filenames-2231/input.eml",
  "test/fixtures/cases/12-inline-cid-no-disposition/input.eml",
  "test/fixtures/cases/17-html-xss-body/input.eml",
  "test/fixtures/email-fixtures/postal-mime/mimetorture.eml",
  "test/fixtures/email-fixtures/mailparser/delivery-status.eml",
  "test/fixtures/email-fixtures/talon/gmail.eml",
].map((f) => fs.readFileSync(path.join(process.cwd(), f)).toString("latin1"));
function emailVariant(r: Rng, i: number): Buffer {
  let s = r.pick(fixtures);
  // Most variants get a fresh Message-ID so they are not all duplicates.
  if (r.next() < 0.8) s = s.replace(/^Message-ID:.*$/im, `Message-ID: <fuzz-${i}@fuzz.example>`);
  if (r.next() < 0.2) s = s.replace(/^(From|To|Content-Type|Subject):.*$/im, "");
  return Buffer.from(mutate(r, s), "latin1");
}

beforeAll(async () => {
  setApiEnv({ INBOUND_EMAIL_SECRET: INBOUND_SECRET });
  db = (await createTestDb()).db;
  await seedBasics(db);
  key = (await createApiKey(db, { name: "fuzz", rateLimit: 0 })).key;
  await updateSettings(db, { maxTicketsPerSenderPerHour: 0 });
});

async function expectNoPartialRows() {
  const orphans = await rows<{ what: string; n: number }>(
    db,
    sql`SELECT 'ticket without entry' AS what, count(*)::int AS n FROM tickets t WHERE NOT EXISTS (SELECT 1 FROM thread_entries e WHERE e.ticket_id = t.id)
        UNION ALL SELECT 'ticket without created event', count(*)::int FROM tickets t WHERE NOT EXISTS (SELECT 1 FROM events v WHERE v.ticket_id = t.id AND v.action = 'created')
        UNION ALL SELECT 'user without ticket', count(*)::int FROM users u WHERE NOT EXISTS (SELECT 1 FROM tickets t WHERE t.user_id = u.id) AND NOT EXISTS (SELECT 1 FROM ticket_collaborators c WHERE c.user_id = u.id) AND NOT EXISTS (SELECT 1 FROM thread_entries e WHERE e.user_id = u.id)
        UNION ALL SELECT 'attachment without entry', count(*)::int FROM attachments a WHERE a.entry_id IS NULL`,
  );
  expect(orphans.filter((o) => o.n > 0)).toEqual([]);
}

// Thousands of requests in one test: on a loaded 2-core machine that takes longer than the default
// per-test limit, and a timeout here would say nothing about correctness.
const FUZZ_TIMEOUT = 300_000;

describe("fuzz", () => {
  it("malformed JSON and XML bodies: 201 or 4xx, never 5xx, never a partial ticket", async () => {
    const r = rng(20250301);
    const nJson = scaled(2000, 250);
    const nXml = scaled(1000, 150);
    let created = 0;
    const statuses = new Map<number, number>();
    for (let i = 0; i < nJson + nXml; i++) {
      const isJson = i < nJson;
      const body = isJson ? jsonVariant(r) : xmlVariant(r);
      const req = apiRequest(isJson ? "/api/tickets.json" : "/api/tickets.xml", body, { key, accept: r.next() < 0.5 ? "application/json" : undefined });
      const res = await (isJson ? postJson : postXml)(req);
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (res.status >= 500) throw new Error(`5xx for input #${i}: ${JSON.stringify(body.slice(0, 300))} -> ${await res.text()}`);
      if (res.status === 201) created++;
      else expect((await res.text()).length).toBeGreaterThan(0);
    }
    expect([...statuses.keys()].every((s) => s === 201 || (s >= 400 && s < 500))).toBe(true);
    expect((await db.select({ n: count() }).from(tickets))[0].n).toBe(created);
    expect(created).toBeGreaterThan(0);
    await expectNoPartialRows();
  }, FUZZ_TIMEOUT);

  it("mutated emails: never 5xx; each one is stored or refused with a reason", async () => {
    const r = rng(7);
    const n = scaled(2000, 200);
    const before = (await db.select({ n: count() }).from(inboundMessages))[0].n;
    let processed = 0;
    for (let i = 0; i < n; i++) {
      const raw = emailVariant(r, i);
      const res = await webhook(new Request("http://localhost/api/inbound/email", { method: "POST", headers: { "x-inbound-secret": INBOUND_SECRET, "content-type": "message/rfc822" }, body: new Uint8Array(raw) }));
      if (res.status >= 500) throw new Error(`5xx for email #${i}: ${await res.text()}\n${raw.toString("latin1").slice(0, 500)}`);
      const body = await res.json();
      if (res.status === 200 || res.status === 403) {
        processed++;
        expect(["created", "appended", "duplicate", "autoreply", "refused"]).toContain(body.outcome);
        expect(body.reason).toBeTruthy();
      } else {
        // Only "not an email at all" is turned away before the pipeline, and it says so.
        expect(res.status).toBe(400);
        expect(body.message).toBeTruthy();
      }
    }
    const logged = await rows<{ outcome: string; reason: string; has_entry: boolean; raw: boolean }>(
      db,
      sql`SELECT outcome, reason, entry_id IS NOT NULL AS has_entry, raw_sha256 IS NOT NULL AS raw FROM inbound_messages ORDER BY id OFFSET ${before}`,
    );
    expect(logged).toHaveLength(processed);
    for (const l of logged) {
      expect(l.reason.length).toBeGreaterThan(0);
      if (l.outcome === "created" || l.outcome === "appended") expect(l.has_entry).toBe(true);
      if (l.outcome === "refused") expect(l.raw).toBe(true);
    }
    expect(processed).toBeGreaterThan(n / 2);
    await expectNoPartialRows();
  }, FUZZ_TIMEOUT);
});
