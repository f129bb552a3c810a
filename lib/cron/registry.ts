// The job registry. A job is idempotent (running it twice does no harm) and reports counts.
// Later issues register theirs in lib/cron/jobs.ts.
import type { Db } from "@/db/client";

export interface JobContext {
  db: Db;
  /** When the run started (jobs use it instead of reading the clock again). */
  now: Date;
}

export interface JobDefinition {
  name: string;
  description: string;
  /** How often "due" runs it (POST /api/tasks/cron, `npm run cron -- due`). */
  everySeconds: number;
  /** Vercel Cron schedule for GET /api/cron/<name> (vercel.json). */
  schedule: string;
  run(ctx: JobContext): Promise<Record<string, number>>;
}

const jobs = new Map<string, JobDefinition>();

export function registerJob(job: JobDefinition): void {
  if (!/^[a-z0-9-]+$/.test(job.name)) throw new Error(`Job names are kebab-case: "${job.name}"`);
  jobs.set(job.name, job);
}

export function getJob(name: string): JobDefinition | undefined {
  return jobs.get(name);
}

export function listJobs(): JobDefinition[] {
  return [...jobs.values()];
}
