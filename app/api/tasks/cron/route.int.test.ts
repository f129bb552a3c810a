// The cron trigger (API key), the Vercel Cron routes (CRON_SECRET), the registry, locks and runs.
import fs from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { createTestDb } from "@/db/testing";
import { attachments, events, jobLocks, jobRuns, tickets } from "@/db/schema";
import { createApiKey } from "@/lib/api-keys";
import { listJobs, runDueJobs, runJob } from "@/lib/cron";
import { createTicket } from "@/lib/tickets/create";
import { seedBasics } from "@/test/factories";
import { setApiEnv } from "@/test/intake-env";
import { apiRequest } from "@/test/intake-http";
import { addAttachment } from "@/test/ticket-factory";
import { GET as cronGET } from "../../cron/[job]/route";
import { POST } from "./route";

let db: Db;
let key: string;

beforeAll(async () => {
  setApiEnv();
  db = (await createTestDb()).db;
  key = (await seedBasics(db)).seed.apiKey!;
});

const params = (job: string) => ({ params: Promise.resolve({ job }) });
const bearer = (secret: string) => new Request("http://localhost/api/cron/x", { headers: { authorization: `Bearer ${secret}` } });

describe("POST /api/tasks/cron", () => {
  it("runs the due jobs and answers 'Completed' (JSON summary when asked); a second call finds nothing due", async () => {
    const res = await POST(apiRequest("/api/tasks/cron", null, { key }));
    expect([res.status, await res.text()]).toEqual([200, "Completed\n"]);
    const runs = await db.select().from(jobRuns);
    expect(runs.map((r) => r.job).sort()).toEqual(listJobs().map((j) => j.name).sort());
    expect(runs.every((r) => r.outcome === "ok" && r.finishedAt)).toBe(true);
    const again = await POST(apiRequest("/api/tasks/cron", null, { key, accept: "application/json" }));
    expect(await again.json()).toEqual({ status: 200, message: "Completed", data: { jobs: [] } });
  });

  it("needs the cron permission", async () => {
    const { key: noCron } = await createApiKey(db, { name: "tickets only", canExecuteCron: false });
    const res = await POST(apiRequest("/api/tasks/cron", null, { key: noCron }));
    expect([res.status, await res.text()]).toEqual([401, "API key not authorized\n"]);
  });
});

describe("GET /api/cron/[job]", () => {
  it("answers 503 without CRON_SECRET, 401 with a wrong one, runs the job with the right one", async () => {
    setApiEnv({ CRON_SECRET: undefined });
    const off = await cronGET(bearer("anything"), params("send-mail"));
    expect(off.status).toBe(503);
    expect((await off.json()).message).toContain("CRON_SECRET");
    setApiEnv({ CRON_SECRET: "s3cret-cron" });
    expect((await cronGET(bearer("wrong"), params("send-mail"))).status).toBe(401);
    expect((await cronGET(new Request("http://localhost/api/cron/send-mail"), params("send-mail"))).status).toBe(401);
    const ok = await cronGET(bearer("s3cret-cron"), params("send-mail"));
    expect(ok.status).toBe(200);
    expect((await ok.json()).data).toMatchObject({ job: "send-mail", outcome: "ok", counts: { sent: 0 } });
    const unknown = await cronGET(bearer("s3cret-cron"), params("nope"));
    expect(unknown.status).toBe(404);
  });

  it("every job is listed in vercel.json with its schedule", () => {
    const crons = JSON.parse(fs.readFileSync("vercel.json", "utf8")).crons as Array<{ path: string; schedule: string }>;
    for (const job of listJobs()) expect(crons).toContainEqual({ path: `/api/cron/${job.name}`, schedule: job.schedule });
  });
});

describe("jobs", () => {
  it("mark-overdue flags open tickets past due once, with an event", async () => {
    const t = await createTicket(db, { user: { email: "late@example.net" }, subject: "Late", body: { text: "x", html: "x" }, source: "api", actor: {}, dueAt: new Date(Date.now() - 60_000) });
    const closed = await createTicket(db, { user: { email: "late@example.net" }, subject: "Closed", body: { text: "x", html: "x" }, source: "api", actor: {}, dueAt: new Date(Date.now() - 60_000) });
    await db.update(tickets).set({ status: "closed" }).where(eq(tickets.id, closed.ticket.id));
    const first = await runJob(db, "mark-overdue", "test");
    expect(first.counts.marked).toBe(1);
    expect((await runJob(db, "mark-overdue", "test")).counts.marked).toBe(0);
    const [row] = await db.select().from(tickets).where(eq(tickets.id, t.ticket.id));
    expect(row.isOverdue).toBe(true);
    const evs = await db.select().from(events).where(eq(events.ticketId, t.ticket.id));
    expect(evs.filter((e) => e.action === "marked_overdue")).toHaveLength(1);
  });

  it("purge-deleted removes tickets deleted more than deletedRetentionDays ago, with their attachments", async () => {
    const make = async (subject: string) =>
      createTicket(db, { user: { email: "gone@example.net" }, subject, body: { text: "x", html: "x" }, source: "api", actor: {} });
    const { ticket: old, entry } = await make("Deleted long ago");
    const { ticket: recent } = await make("Deleted lately");
    const { ticket: live } = await make("Live");
    await addAttachment(db, { ticketId: old.id, entryId: entry.id, name: "old.txt", bytes: Buffer.from(`only in the old ticket ${Math.random()}`) });
    await db.update(tickets).set({ status: "deleted", deletedAt: new Date(Date.now() - 31 * 86_400_000) }).where(eq(tickets.id, old.id));
    await db.update(tickets).set({ status: "deleted", deletedAt: new Date(Date.now() - 29 * 86_400_000) }).where(eq(tickets.id, recent.id));
    const run = await runJob(db, "purge-deleted", "test");
    expect(run).toMatchObject({ outcome: "ok", counts: { tickets: 1, blobs: 1 } });
    const left = await db.select({ id: tickets.id }).from(tickets).where(sql`${tickets.id} IN (${sql.join([old.id, recent.id, live.id], sql`, `)})`);
    expect(left.map((r) => r.id).sort((a, b) => a - b)).toEqual([recent.id, live.id]);
    expect(await db.select().from(attachments).where(eq(attachments.ticketId, old.id))).toEqual([]);
    expect((await runJob(db, "purge-deleted", "test")).counts).toEqual({ tickets: 0, blobs: 0 });
  });

  it("skips a job whose lease another run holds, and takes over an expired lease", async () => {
    await db.insert(jobLocks).values({ job: "mark-overdue", holder: "someone-else", expiresAt: new Date(Date.now() + 60_000) });
    const skipped = await runJob(db, "mark-overdue", "test");
    expect(skipped.outcome).toBe("skipped");
    await db.update(jobLocks).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(jobLocks.job, "mark-overdue"));
    expect((await runJob(db, "mark-overdue", "test")).outcome).toBe("ok");
    expect(await db.select().from(jobLocks)).toEqual([]);
  });

  it("overlapping runs of one job: exactly one runs", async () => {
    const results = await Promise.all(Array.from({ length: 4 }, () => runJob(db, "send-mail", "test")));
    const outcomes = results.map((r) => r.outcome);
    expect(outcomes.filter((o) => o === "ok").length).toBeGreaterThanOrEqual(1);
    expect(outcomes.every((o) => o === "ok" || o === "skipped")).toBe(true);
    // Runs that overlapped in time never both ran.
    const ran = results.filter((r) => r.outcome === "ok");
    const rows = await db.select().from(jobRuns).where(eq(jobRuns.job, "send-mail"));
    const spans = rows.filter((r) => ran.some((x) => x.runId === r.id)).map((r) => [r.startedAt.getTime(), r.finishedAt!.getTime()]);
    for (const [i, a] of spans.entries()) for (const b of spans.slice(i + 1)) expect(a[1] <= b[0] || b[1] <= a[0]).toBe(true);
  });

  it("runDueJobs respects each job's interval", async () => {
    const now = new Date(Date.now() + 61_000);
    const due = await runDueJobs(db, "test", now);
    expect(due.map((r) => r.job)).toEqual(["send-mail", "search-sync"]);
  });
});
