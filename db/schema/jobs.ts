// Scheduled jobs: one row per run, and a lease per job so overlapping runs do not double-run.
import { bigserial, index, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { createdAt, tz } from "./columns";

export const jobRuns = pgTable(
  "job_runs",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    job: text().notNull(),
    /** "cron-route" (Vercel), "tasks-cron" (API), "cli", "test", ... */
    trigger: text().notNull(),
    /** running | ok | failed | skipped */
    outcome: text().notNull().default("running"),
    counts: jsonb().$type<Record<string, number>>().notNull().default({}),
    error: text(),
    startedAt: tz().notNull().defaultNow(),
    finishedAt: tz(),
  },
  (t) => [index("job_runs_job_started_idx").on(t.job, t.startedAt)],
);

/** A held lease: the row exists and expiresAt is in the future. Expired leases are taken over. */
export const jobLocks = pgTable("job_locks", {
  job: text().primaryKey(),
  holder: text().notNull(),
  expiresAt: tz().notNull(),
  createdAt: createdAt(),
});
