// A failing job records and answers a short message, never the SQL text or its parameters; a
// stored out-of-range setting does not break the jobs that compute dates from it.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { createTestDb } from "@/db/testing";
import { jobRuns, settings } from "@/db/schema";
import { POST } from "@/app/api/tasks/cron/route";
import { clearSettingsCache } from "@/lib/config/settings";
import { seedBasics } from "@/test/factories";
import { setApiEnv } from "@/test/intake-env";
import { apiRequest } from "@/test/intake-http";
import { registerJob, runJob } from "./index";

let db: Db;
let key: string;

beforeAll(async () => {
  setApiEnv();
  db = (await createTestDb()).db;
  key = (await seedBasics(db)).seed.apiKey!;
});

registerJob({
  name: "test-bad-query",
  description: "Fails with a database error whose query carries a parameter",
  everySeconds: 60,
  schedule: "* * * * *",
  async run({ db }) {
    await db.execute(sql`SELECT ${"secret-parameter-value"}::timestamptz - interval '1 day' AS cutoff`);
    return {};
  },
});

const leaks = (text: string) => /Failed query|params:|select|secret-parameter-value/i.test(text);

describe("a failing job", () => {
  it("records and answers a short message without SQL or parameters, and logs the details", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const res = await POST(apiRequest("/api/tasks/cron", null, { key, accept: "application/json" }));
    const body = await res.text();
    expect(res.status).toBe(200);
    const failed = (JSON.parse(body).data.jobs as Array<{ job: string; outcome: string; error?: string }>).find((j) => j.job === "test-bad-query")!;
    expect(failed).toMatchObject({ outcome: "failed", error: "A database query failed (SQLSTATE 22007); the server log has the details" });
    expect(leaks(body)).toBe(false);
    const [row] = await db.select().from(jobRuns).where(eq(jobRuns.job, "test-bad-query"));
    expect(row).toMatchObject({ outcome: "failed", error: failed.error });
    // The server log has the details: the job, the run, the query and the database's error.
    const logged = log.mock.calls.map((c) => c.join(" ")).find((l) => l.includes("test-bad-query"))!;
    expect(logged).toContain(`run ${row.id}`);
    expect(logged).toMatch(/Failed query: SELECT \$1::timestamptz/);
    expect(logged).toContain("[22007]");
    log.mockRestore();
  });

  it("a plain error keeps its first line", async () => {
    registerJob({
      name: "test-plain-error",
      description: "Throws",
      everySeconds: 60,
      schedule: "* * * * *",
      run: async () => {
        throw new RangeError("Invalid time value\nmore detail");
      },
    });
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    expect((await runJob(db, "test-plain-error", "test")).error).toBe("RangeError: Invalid time value");
    log.mockRestore();
  });
});

describe("an out-of-range stored setting", () => {
  it("falls back to the default, so purge-drafts still runs", async () => {
    await db.insert(settings).values({ key: "draftRetentionDays", value: 100_000_000 }).onConflictDoUpdate({ target: settings.key, set: { value: 100_000_000 } });
    clearSettingsCache();
    const run = await runJob(db, "purge-drafts", "test");
    expect(run).toMatchObject({ outcome: "ok", counts: { drafts: 0 } });
  });
});
