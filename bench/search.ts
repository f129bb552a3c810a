// Search and queues at scale, in-process (the services the routes call, no HTTP), on PostgreSQL
// with 16 connections kept busy: the first page of each system queue (target p95 <= 50 ms), the
// queue list with all counts (p95 <= 100 ms), full-text search of common and rare words with
// filters (p95 <= 150 ms), and a user lookup by name or email prefix (p95 <= 20 ms; the
// equivalent SQL, as GET /users/search belongs to the users issue).
//   npm run db:generate -- --tickets 1000000      (with DATABASE_URL=postgres://.../helpdesk_bench)
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/helpdesk_bench npx tsx bench/search.ts [iterations per scenario]
//   (BENCH_ONLY=<text> runs only the scenarios whose name contains it)
import os from "node:os";
import { sql } from "drizzle-orm";
import { openDb } from "@/db/client";
import { rows } from "@/db/rows";
import { listQueues, queueTickets, systemQueues } from "@/lib/queues";
import { type Criteria, type SearchActor, searchTickets } from "@/lib/search";

const url = process.env.BENCH_DATABASE_URL;
if (!url) throw new Error("Set BENCH_DATABASE_URL to a PostgreSQL database filled by npm run db:generate");
const iterations = Number(process.argv[2] ?? 400);
const CONNECTIONS = 16;

const handle = await openDb({ url, driver: "pg", poolMax: CONNECTIONS });
const db = handle.db;

// Actors: the admin, and the busiest agent (their department, teams and tickets).
const [{ n: ticketCount }] = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM tickets`);
const [admin] = await rows<{ id: number }>(db, sql`SELECT id FROM staff WHERE role = 'admin' ORDER BY id LIMIT 1`);
const [agentRow] = await rows<{ id: number; dept_id: number }>(
  db,
  sql`SELECT s.id, sd.dept_id FROM staff s JOIN staff_departments sd ON sd.staff_id = s.id WHERE s.role = 'agent'
      ORDER BY (SELECT count(*) FROM tickets t WHERE t.staff_id = s.id AND t.status IN ('open', 'awaiting_client')) DESC LIMIT 1`,
);
const teams = (await rows<{ id: number }>(db, sql`SELECT id FROM teams ORDER BY id LIMIT 2`)).map((t) => Number(t.id));
const actors: Array<{ label: string; actor: SearchActor & { name: string } }> = [
  { label: "admin", actor: { id: Number(admin.id), role: "admin", deptIds: [], teamIds: [], name: "Admin" } },
  { label: "agent", actor: { id: Number(agentRow.id), role: "agent", deptIds: [Number(agentRow.dept_id)], teamIds: teams, name: "Agent" } },
];

interface Result {
  scenario: string;
  p50one: number;
  p95one: number;
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  load: string;
}
const results: Result[] = [];
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function timed(fn: (i: number) => Promise<unknown>, n: number, connections: number) {
  const times: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      for (let i = next++; i < n; i = next++) {
        const t0 = performance.now();
        await fn(i);
        times.push(performance.now() - t0);
      }
    }),
  );
  times.sort((a, b) => a - b);
  return { times, wall: (performance.now() - started) / 1000 };
}

const only = process.env.BENCH_ONLY;

/** One connection (the cost of one request), then 16 kept busy (latency under load, throughput). */
async function measure(scenario: string, fn: (i: number) => Promise<unknown>, n = iterations) {
  if (only && !scenario.includes(only)) return;
  for (let i = 0; i < Math.min(10, n); i++) await fn(i); // warm up caches and plans
  const one = await timed(fn, Math.max(20, Math.floor(n / 8)), 1);
  const load0 = os.loadavg()[0];
  const many = await timed(fn, n, CONNECTIONS);
  const t = many.times;
  const r = { scenario, p50one: pct(one.times, 50), p95one: pct(one.times, 95), p50: pct(t, 50), p95: pct(t, 95), p99: pct(t, 99), rps: n / many.wall, load: `${load0.toFixed(1)}→${os.loadavg()[0].toFixed(1)}` };
  results.push(r);
  console.log(`${scenario.padEnd(52)} 1 conn p50 ${r.p50one.toFixed(1).padStart(5)} p95 ${r.p95one.toFixed(1).padStart(5)} | 16 conns p50 ${r.p50.toFixed(1).padStart(6)} p95 ${r.p95.toFixed(1).padStart(6)} ${r.rps.toFixed(0).padStart(4)}/s load ${r.load}`);
}

console.log(`${ticketCount} tickets, ${CONNECTIONS} connections, ${iterations} iterations a scenario, ${os.cpus().length} cores, load ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);

for (const { label, actor } of actors) {
  for (const q of systemQueues) await measure(`queue ${q.slug} first page (${label})`, () => queueTickets(db, actor, q.slug, { limit: 25 }));
  await measure(`queue list with all counts (${label})`, () => listQueues(db, actor));
}

// Words by frequency in the generated corpus (lib/setup generator): common nouns, rare tail words.
const [rare] = await rows<{ word: string }>(db, sql`SELECT word FROM ts_stat('SELECT doc FROM ticket_search WHERE ticket_id < 20000') WHERE ndoc BETWEEN 5 AND 40 AND word ~ '^(zor|qua|vex|mip)' ORDER BY ndoc LIMIT 1`);
const searches: Array<[string, Criteria]> = [
  ["common word", { q: "printer" }],
  ["common word, open, one department", { q: "printer", status: ["any_open"], deptId: [Number(agentRow.dept_id)] }],
  ["common word + prefix, closed, last 90 days", { q: "invoice pay", status: ["any_closed"], createdFrom: "-90d" }],
  ["two common words, high priority", { q: "password login", priorityId: [3, 4] }],
  [`rare word (${rare?.word})`, { q: rare?.word ?? "zorzz" }],
  ["rare word, any status, assigned", { q: rare?.word ?? "zorzz", assignee: ["none"] }],
  ["Japanese word", { q: "請求書" }],
  ["ticket number", { q: "" }],
];
const [someNumber] = await rows<{ number: string }>(db, sql`SELECT number FROM tickets ORDER BY id DESC LIMIT 1`);
searches[searches.length - 1][1] = { q: someNumber.number };
for (const { label, actor } of actors) {
  for (const [name, c] of searches) await measure(`search: ${name} (${label})`, () => searchTickets(db, actor, c, { limit: 25 }));
}

// User lookup by prefix, as GET /users/search would do it (name or email, 25 best).
const prefixes = ["ma", "so", "chen", "dana.w", "pri", "to", "yuki", "ai", "ca", "ni"];
await measure("user search by name/email prefix (SQL)", (i) => {
  const p = prefixes[i % prefixes.length];
  const hi = `${p}\u{10FFFF}`;
  // Two index ranges (lower(email) is indexed by the users table; lower(name) needs an index of
  // the users issue, e.g. (lower(name) text_pattern_ops)), emails first, 25 in all.
  return rows(
    db,
    sql`(SELECT id, name, email, 0 AS r FROM users WHERE lower(email) >= ${p} AND lower(email) < ${hi} ORDER BY lower(email) LIMIT 25)
        UNION ALL
        (SELECT id, name, email, 1 FROM users WHERE lower(name) LIKE ${`${p}%`} ORDER BY lower(name) LIMIT 25)
        ORDER BY r LIMIT 25`,
  );
});

console.log("\n| scenario | 1 conn p50 | 1 conn p95 | 16 conns p50 | 16 conns p95 | 16 conns p99 | req/s | load (1 min) |\n|---|---|---|---|---|---|---|---|");
const f = (x: number) => x.toFixed(1);
for (const r of results) console.log(`| ${r.scenario} | ${f(r.p50one)} | ${f(r.p95one)} | ${f(r.p50)} | ${f(r.p95)} | ${f(r.p99)} | ${r.rps.toFixed(0)} | ${r.load} |`);
await handle.close();
