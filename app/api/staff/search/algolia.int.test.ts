// The Algolia path, through the real algoliasearch client pointed at a local fake server: the
// first sync rebuilds into a new index and moves it in place, text searches are answered by
// Algolia with the caller's scope in the filters, changes reach the index through the outbox
// (written in the change's transaction), a failed call is retried later and never lost.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "@/db/testing";
import { rows } from "@/db/rows";
import { searchOutbox, tickets } from "@/db/schema";
import { resetEnvCache } from "@/lib/config/env";
import { drainSearchOutbox, type ListPage, requestAlgoliaRebuild, runSearchSync } from "@/lib/search";
import { setupTestAuth } from "@/test/auth";
import { type FakeAlgolia, startFakeAlgolia } from "@/test/fake-algolia";
import { api } from "@/test/staff-api";
import { type Cast, seedStaffCast } from "@/test/staff-factory";
import { createTicket } from "@/test/ticket-factory";
import { GET as status } from "../status/route";
import { POST as note } from "../tickets/[tid]/note/route";
import { GET } from "./route";

setupTestAuth();
const { db } = await createTestDb();
let cast: Cast;
let fake: FakeAlgolia;
const saved = { ...process.env };

beforeAll(async () => {
  fake = await startFakeAlgolia();
  Object.assign(process.env, { ALGOLIA_APP_ID: "TESTAPP", ALGOLIA_API_KEY: "test-admin-key", ALGOLIA_INDEX: "tickets_test", ALGOLIA_HOST: fake.url });
  resetEnvCache();
  cast = await seedStaffCast(db);
  for (let i = 0; i < 5; i++) await createTicket(db, { deptId: cast.support.id, subject: `Heron support ${i}`, message: "the heron body" });
  await createTicket(db, { deptId: cast.billing.id, subject: "Heron billing", message: "billing heron" });
});
afterAll(async () => {
  for (const k of ["ALGOLIA_APP_ID", "ALGOLIA_API_KEY", "ALGOLIA_INDEX", "ALGOLIA_HOST"]) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
  resetEnvCache();
  await fake.close();
});

const search = (as: Parameters<typeof api>[0], qs: string) => api(as).get<ListPage>(GET, `/api/staff/search?${qs}`);
const outboxRows = () => db.select().from(searchOutbox);

describe("Algolia", () => {
  it("reports Algolia as configured", async () => {
    const res = await api(cast.agentA).get<{ services: Array<{ feature: string; configured: boolean }> }>(status, "/api/staff/status");
    expect(res.json.data!.services.find((s) => s.feature === "algolia")!.configured).toBe(true);
  });

  it("PostgreSQL answers until the index has been built", async () => {
    expect((await search(cast.agentA, "q=heron")).headers.get("x-search-engine")).toBe("postgres");
  });

  it("the first sync builds a new index and moves it over the live one", async () => {
    const r = await runSearchSync(db);
    expect(r).toMatchObject({ configured: 1, rebuilt: 6 });
    const paths = fake.requests.map((q) => `${q.method} ${q.path}`);
    const tmp = paths.find((p) => p.startsWith("PUT /1/indexes/tickets_test_rebuild_"))!.split("/")[3];
    expect(paths).toContain(`POST /1/indexes/${tmp}/batch`);
    const move = fake.requests.find((q) => q.path === `/1/indexes/${tmp}/operation`)!;
    expect(move.body).toEqual({ operation: "move", destination: "tickets_test" });
    expect(fake.indices.has(tmp)).toBe(false);
    expect(fake.indices.get("tickets_test")!.size).toBe(6);
    const rec = [...fake.indices.get("tickets_test")!.values()].find((x) => x.subject === "Heron billing")!;
    expect(rec).toMatchObject({ department: "Billing", status: "open", assignee: ["none"], visibleTo: [`d${cast.billing.id}`] });
    expect(await outboxRows()).toEqual([]);
  });

  it("answers text searches with the caller's scope in the filters", async () => {
    const a = await search(cast.agentA, "q=heron&limit=50");
    expect(a.status).toBe(200);
    expect(a.headers.get("x-search-engine")).toBe("algolia");
    expect(a.json.data!.items.map((i) => i.subject).sort()).toEqual([0, 1, 2, 3, 4].map((i) => `Heron support ${i}`));
    expect(a.json.data!.total).toBe(5);
    const sent = fake.requests.filter((q) => q.path === "/1/indexes/tickets_test/query").at(-1)!.body as { filters: string; query: string };
    expect(sent.query).toBe("heron");
    expect(sent.filters).toContain(`visibleTo:"d${cast.support.id}"`);
    expect(sent.filters).toContain(`visibleTo:"s${cast.agentA.id}"`);
    const b = await search(cast.agentB, "q=heron");
    expect(b.json.data!.items.map((i) => i.subject)).toEqual(["Heron billing"]);
    const admin = await search(cast.admin, "q=heron&status=open&deptId=" + cast.billing.id);
    expect(admin.json.data!.items.map((i) => i.subject)).toEqual(["Heron billing"]);
    const adminSent = fake.requests.filter((q) => q.path === "/1/indexes/tickets_test/query").at(-1)!.body as { filters: string };
    expect(adminSent.filters).toBe(`status:"open" AND deptId=${cast.billing.id}`);
  });

  it("pages by number: the cursor carries the page", async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const res: Awaited<ReturnType<typeof search>> = await search(cast.agentA, `q=heron&limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...res.json.data!.items.map((i) => i.id));
      cursor = res.json.data!.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    const pages = fake.requests.filter((q) => q.path === "/1/indexes/tickets_test/query").slice(-3).map((q) => (q.body as { page: number }).page);
    expect(pages).toEqual([0, 1, 2]);
  });

  it("lists without text, and other orders, stay on PostgreSQL", async () => {
    expect((await search(cast.agentA, "status=open")).headers.get("x-search-engine")).toBe("postgres");
    expect((await search(cast.agentA, "q=heron&sort=created")).headers.get("x-search-engine")).toBe("postgres");
  });

  it("a change is queued in its transaction; a failed send is kept and retried with backoff", async () => {
    const [t] = await db.select().from(tickets).where(eq(tickets.subject, "Heron support 0"));
    const res = await api(cast.agentA).post(note, `/api/staff/tickets/${t.id}/note`, { tid: String(t.id) }, { body: "a kingfisher was seen" });
    expect(res.status).toBe(200);
    const queued = await outboxRows();
    expect(queued.length).toBeGreaterThan(0);
    expect(new Set(queued.map((r) => r.ticketId))).toEqual(new Set([t.id]));

    fake.failNext(10, 503);
    const now = new Date();
    expect(await drainSearchOutbox(db, { now })).toMatchObject({ failed: 1, sent: 0 });
    const kept = await outboxRows();
    expect(kept.length).toBe(queued.length);
    expect(kept.every((r) => r.attempts === 1 && r.lastError?.length && r.availableAt.getTime() >= now.getTime() + 29_000)).toBe(true);
    // Not due yet: nothing is claimed.
    expect(await drainSearchOutbox(db, { now: new Date(now.getTime() + 1000) })).toMatchObject({ sent: 0, failed: 0 });

    fake.failNext(0);
    expect(await drainSearchOutbox(db, { now: new Date(now.getTime() + 31_000) })).toMatchObject({ sent: 1, failed: 0 });
    expect(await outboxRows()).toEqual([]);
    expect(String(fake.indices.get("tickets_test")!.get(String(t.id))!.thread)).toContain("kingfisher");
  });

  it("a deleted ticket leaves the index", async () => {
    const [t] = await db.select().from(tickets).where(eq(tickets.subject, "Heron support 1"));
    await db.update(tickets).set({ status: "deleted", deletedAt: new Date() }).where(eq(tickets.id, t.id));
    expect((await outboxRows()).map((r) => r.ticketId)).toContain(t.id);
    // A minute ahead: the row's available_at comes from the database clock, `now` from ours.
    expect(await drainSearchOutbox(db, { now: new Date(Date.now() + 60_000) })).toMatchObject({ deleted: 1 });
    expect(fake.indices.get("tickets_test")!.has(String(t.id))).toBe(false);
  });

  it("a requested rebuild swaps in a fresh index; changes made meanwhile still follow", async () => {
    const before = fake.indices.get("tickets_test")!;
    await requestAlgoliaRebuild(db);
    const extra = await createTicket(db, { deptId: cast.support.id, subject: "Heron late" });
    const r = await runSearchSync(db);
    expect(r.rebuilt).toBe(6);
    const after = fake.indices.get("tickets_test")!;
    expect(after).not.toBe(before);
    expect(after.has(String(extra.id))).toBe(true);
    const [{ n }] = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM search_outbox`);
    expect(n).toBe(0);
  });

  it("Algolia down: a clear 503, not a 500", async () => {
    fake.failNext(10, 500);
    const res = await search(cast.agentA, "q=heron");
    fake.failNext(0);
    expect(res.status).toBe(503);
    expect(res.json.message).toMatch(/Algolia/);
  });
});
