// `npm run db:generate`: with --tickets N, fill the configured database with generated data;
// otherwise drizzle-kit generate (a migration from db/schema/), with the other arguments passed on.
import { spawnSync } from "node:child_process";
import { parseArgs } from "node:util";
import { closeDb } from "@/db/client";
import { seedCore } from "@/lib/setup/seed";
import { compactTicketCounts } from "@/lib/search";
import { env } from "@/lib/config/env";
import { fail, loadEnv } from "./lib/bootstrap";
import { openCliDb } from "./lib/db";
import { generateData, rawQuery } from "./lib/generate-data";

const argv = process.argv.slice(2);
if (!argv.some((a) => a === "--tickets" || a.startsWith("--tickets="))) {
  const r = spawnSync("npx", ["drizzle-kit", "generate", ...argv], { stdio: "inherit" });
  process.exit(r.status ?? 1);
}

loadEnv();
let values;
try {
  ({ values } = parseArgs({ args: argv, options: { tickets: { type: "string" }, batch: { type: "string", default: "5000" }, seed: { type: "string", default: "7" } } }));
} catch (e) {
  fail(`${(e as Error).message}\nusage: npm run db:generate -- --tickets N [--batch 5000] [--seed 7]`, 64);
}
const tickets = Number(values.tickets);
if (!Number.isInteger(tickets) || tickets < 1 || tickets > 20_000_000) fail("--tickets must be a whole number from 1 to 20000000", 64);

const handle = await openCliDb();
const e = env();
const seed = await seedCore(handle.db, { adminEmail: e.ADMIN_EMAIL, adminPassword: e.ADMIN_PASSWORD });
if (seed.admin.password) console.log(`Admin login: ${seed.admin.email} / ${seed.admin.password} (shown once)`);
const q = rawQuery(handle.db);
const started = Date.now();
// On an empty table the GIN index is faster built once at the end than maintained row by row.
const empty = Number((await q("SELECT count(*)::int AS n FROM (SELECT 1 FROM ticket_search LIMIT 1) s")).rows[0].n) === 0;
const rebuildGin = empty && tickets >= 50_000;
if (rebuildGin) await q("DROP INDEX IF EXISTS ticket_search_doc_idx");
console.log(`Generating ${tickets} tickets into ${handle.location} ...`);
const r = await generateData(handle.db, { tickets, batch: Number(values.batch), seed: Number(values.seed), log: (l) => console.log(`  ${l}`) });
if (rebuildGin) {
  console.log("  building the full-text index ...");
  if (handle.driver !== "pglite") await q("SET maintenance_work_mem = '1GB'");
  await q("CREATE INDEX IF NOT EXISTS ticket_search_doc_idx ON ticket_search USING gin (doc)");
}
await compactTicketCounts(handle.db);
// The count deltas folded above leave dead rows; statistics feed the planner's choices.
console.log("  vacuuming and analyzing ...");
await q("VACUUM ANALYZE");
console.log(
  `Done: ${r.tickets} tickets, ${r.entries} thread entries, ${r.users} users, ${r.organizations} organizations in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
await closeDb();
