// Deleting old job-run records (kept 30 days for the panel and debugging).
import { lt } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { jobRuns } from "@/db/schema";

export async function pruneJobRuns(db: Executor, days = 30): Promise<number> {
  const gone = await db.delete(jobRuns).where(lt(jobRuns.startedAt, new Date(Date.now() - days * 86_400_000))).returning({ id: jobRuns.id });
  return gone.length;
}
