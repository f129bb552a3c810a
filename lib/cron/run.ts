// Runs jobs: a database lease per job keeps overlapping runs (two cron callers, two instances)
// from running the same job at once, and every run is recorded in job_runs.
import { randomBytes } from "node:crypto";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rows } from "@/db/rows";
import { jobLocks, jobRuns } from "@/db/schema";
import { AppError, publicErrorMessage, redacted } from "@/lib/http/errors";
import { type JobDefinition, getJob, listJobs } from "./registry";
import "./jobs";

/** A run that takes longer than this loses its lease (a crashed worker must not block forever). */
const LEASE_SECONDS = 15 * 60;

export interface JobRunResult {
  job: string;
  outcome: "ok" | "failed" | "skipped";
  counts: Record<string, number>;
  error?: string;
  runId: number;
  ms: number;
}

async function acquire(db: Db, job: string, holder: string): Promise<boolean> {
  const got = await rows<{ holder: string }>(
    db,
    sql`INSERT INTO job_locks (job, holder, expires_at) VALUES (${job}, ${holder}, now() + make_interval(secs => ${LEASE_SECONDS}))
        ON CONFLICT (job) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
        WHERE job_locks.expires_at < now()
        RETURNING holder`,
  );
  return got.length === 1 && got[0].holder === holder;
}

async function release(db: Db, job: string, holder: string): Promise<void> {
  await db.delete(jobLocks).where(and(eq(jobLocks.job, job), eq(jobLocks.holder, holder)));
}

async function execute(db: Db, job: JobDefinition, trigger: string): Promise<JobRunResult> {
  const started = Date.now();
  const holder = `${process.pid}-${randomBytes(6).toString("hex")}`;
  const locked = await acquire(db, job.name, holder);
  const [run] = await db
    .insert(jobRuns)
    .values({ job: job.name, trigger, outcome: locked ? "running" : "skipped", ...(locked ? {} : { finishedAt: new Date(), error: "another run holds the lock" }) })
    .returning({ id: jobRuns.id, startedAt: jobRuns.startedAt });
  if (!locked) return { job: job.name, outcome: "skipped", counts: {}, error: "another run holds the lock", runId: run.id, ms: Date.now() - started };
  try {
    const counts = await job.run({ db, now: run.startedAt });
    await db.update(jobRuns).set({ outcome: "ok", counts, finishedAt: new Date() }).where(eq(jobRuns.id, run.id));
    return { job: job.name, outcome: "ok", counts, runId: run.id, ms: Date.now() - started };
  } catch (e) {
    // The run record and the answer get a short message; the details (query text, cause, stack,
    // never the parameters) go to the server log only.
    const error = publicErrorMessage(e);
    console.error(`[cron] ${job.name} failed (run ${run.id}):`, redacted(e));
    await db.update(jobRuns).set({ outcome: "failed", error, finishedAt: new Date() }).where(eq(jobRuns.id, run.id));
    return { job: job.name, outcome: "failed", counts: {}, error, runId: run.id, ms: Date.now() - started };
  } finally {
    await release(db, job.name, holder).catch(() => {});
  }
}

export async function runJob(db: Db, name: string, trigger: string): Promise<JobRunResult> {
  const job = getJob(name);
  if (!job) throw new AppError("not_found", `Unknown job "${name}"; jobs: ${listJobs().map((j) => j.name).join(", ")}`);
  return execute(db, job, trigger);
}

/** Runs every job whose last run started at least its interval ago (or never ran). */
export async function runDueJobs(db: Db, trigger: string, now = new Date()): Promise<JobRunResult[]> {
  const results: JobRunResult[] = [];
  for (const job of listJobs()) {
    const [last] = await db
      .select({ startedAt: jobRuns.startedAt })
      .from(jobRuns)
      .where(and(eq(jobRuns.job, job.name), sql`${jobRuns.outcome} <> 'skipped'`))
      .orderBy(desc(jobRuns.startedAt))
      .limit(1);
    // A little slack so a once-a-minute cron is not skipped by a few milliseconds of drift.
    if (last && now.getTime() - last.startedAt.getTime() < job.everySeconds * 1000 - 5_000) continue;
    results.push(await execute(db, job, trigger));
  }
  return results;
}
