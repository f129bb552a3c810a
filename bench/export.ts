// CSV export of 100,000 tickets in bounded memory: the stream the export route returns
// (lib/tickets/export.ts), consumed in-process as fast as it is produced, with the process's
// resident and heap memory sampled every 20 ms. Prints rows, bytes, time, rows/s and the memory
// peaks above the level before the export started: bounded memory means those peaks stay small
// and flat while the file is many times larger. Every ticket but deleted ones is exported (the
// criteria of an admin's "any status" search); [rows] is the least the database must hold.
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/helpdesk_bench npm run db:generate -- --tickets 100000
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/helpdesk_bench node --expose-gc --import tsx bench/export.ts [rows]
import { sql } from "drizzle-orm";
import { openDb } from "@/db/client";
import { rows } from "@/db/rows";
import { criteriaSchema } from "@/lib/search";
import { exportTicketsCsv } from "@/lib/tickets";

const url = process.env.BENCH_DATABASE_URL;
if (!url) throw new Error("Set BENCH_DATABASE_URL to a PostgreSQL database filled by npm run db:generate");
const wanted = Number(process.argv[2] ?? 100_000);
// BENCH_SORT=subject:asc (any sort of the search criteria); default: last update, newest first.
const sort = process.env.BENCH_SORT;

const handle = await openDb({ url, driver: "pg", poolMax: 2 });
const db = handle.db;
const [{ n: ticketCount }] = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM tickets WHERE status <> 'deleted'`);
if (ticketCount < wanted) throw new Error(`the database holds ${ticketCount} tickets; fill it with npm run db:generate -- --tickets ${wanted}`);
const [admin] = await rows<{ id: number }>(db, sql`SELECT id FROM staff WHERE role = 'admin' ORDER BY id LIMIT 1`);
const actor = { id: Number(admin.id), name: "Admin", email: "admin@example.com", role: "admin" as const, deptIds: [], teamIds: [], timezone: "UTC", signature: "" };

const mb = (n: number) => (n / 1024 / 1024).toFixed(1);

async function run() {
  global.gc?.();
  const base = process.memoryUsage();
  let peakRss = base.rss;
  let peakHeap = base.heapUsed;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 20);
  const started = performance.now();
  const stream = await exportTicketsCsv(db, actor, criteriaSchema.parse(sort ? { sort } : {}));
  let bytes = 0;
  for await (const chunk of stream) bytes += chunk.byteLength;
  const ms = performance.now() - started;
  clearInterval(sampler);
  return { rows: ticketCount, bytes, ms, rss: peakRss - base.rss, heap: peakHeap - base.heapUsed };
}

console.log(`export benchmark: ${ticketCount} tickets in the database, sort ${sort ?? "updated:desc (default)"}, node ${process.version}`);
const r = await run();
console.log(
  `${r.rows} rows, ${mb(r.bytes)} MB of CSV in ${(r.ms / 1000).toFixed(1)} s (${Math.round(r.rows / (r.ms / 1000))} rows/s); ` +
    `peak above the start: rss +${mb(r.rss)} MB, heap +${mb(r.heap)} MB`,
);
await handle.close();
