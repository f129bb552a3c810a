// `npm run cron -- <job|due|list>`: run a job (or every due job) from a system cron.
// Exit code 0 when every run succeeded or was skipped (another run held the lock), 1 otherwise.
import { closeDb } from "@/db/client";
import { listJobs, runDueJobs, runJob } from "@/lib/cron";
import { fail, loadEnv } from "./lib/bootstrap";
import { openCliDb } from "./lib/db";

async function main() {
  loadEnv();
  const what = process.argv[2];
  if (!what || what === "list" || what === "--help") {
    if (what !== "list") console.log("usage: npm run cron -- <job|due|list>\n\njobs:");
    const jobs = listJobs();
    const width = Math.max(...jobs.map((j) => j.name.length));
    const every = (s: number) => (s % 3600 === 0 ? `${s / 3600} h` : s % 60 === 0 ? `${s / 60} min` : `${s} s`);
    const everyWidth = Math.max(...jobs.map((j) => every(j.everySeconds).length));
    for (const j of jobs) console.log(`  ${j.name.padEnd(width)}  every ${every(j.everySeconds).padEnd(everyWidth)}  ${j.description}`);
    return 0;
  }
  const { db } = await openCliDb();
  const results = what === "due" ? await runDueJobs(db, "cli") : [await runJob(db, what, "cli")];
  if (!results.length) console.log("No job is due.");
  for (const r of results) {
    const counts = Object.entries(r.counts).map(([k, v]) => `${k}=${v}`).join(" ");
    console.log(`${r.job}: ${r.outcome}${counts ? ` (${counts})` : ""}${r.error ? ` - ${r.error}` : ""} in ${r.ms} ms`);
  }
  return results.some((r) => r.outcome === "failed") ? 1 : 0;
}

main()
  .then(async (code) => {
    await closeDb();
    process.exit(code);
  })
  .catch((e) => fail((e as Error).message));
