// Ticket intake load: POST /api/tickets.json at 1, 16 and 64 connections (req/s, p50, p99) and
// POST /api/tickets.email (messages/s), against a production build on PostgreSQL.
// Targets on the 2-core machine: >= 500 tickets/s with p99 <= 100 ms at 16 connections; >= 200 emails/s.
//   npm run build
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/helpdesk_bench BENCH_PORT=3310 npx tsx bench/intake.ts [seconds]
// The database is migrated and seeded by the server; the benchmark adds an unlimited API key.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import autocannon from "autocannon";
import { openDb } from "@/db/client";
import { createApiKey } from "@/lib/api-keys";
import { updateSettings } from "@/lib/config/settings";
import { cpuMs, waitHealthy } from "./lib/server";

const url = process.env.BENCH_DATABASE_URL;
if (!url) throw new Error("Set BENCH_DATABASE_URL to a PostgreSQL database the benchmark may fill");
const port = Number(process.env.BENCH_PORT ?? 3310);
const seconds = Number(process.argv[2] ?? 10);
const base = `http://127.0.0.1:${port}`;


let serverPid: number | undefined;

interface Row {
  scenario: string;
  connections: number;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  cpuPerReq: number;
}

function run(scenario: string, connections: number, path: string, body: (n: number) => string, headers: Record<string, string>): Promise<Row> {
  let n = 0;
  const salt = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const cpu0 = cpuMs(serverPid);
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: `${base}${path}`,
        method: "POST",
        connections,
        duration: seconds,
        headers,
        requests: [{ setupRequest: (req) => ({ ...req, body: body(n++).replaceAll("{{SALT}}", salt) }) }],
      },
      (err, r) => {
        if (err) return reject(err);
        const cpuPerReq = (cpuMs(serverPid) - cpu0) / Math.max(1, r.requests.total);
        resolve({ scenario, connections, requests: r.requests.total, rps: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx + r.errors, cpuPerReq });
      },
    );
  });
}

async function main() {
  // BENCH_EXTERNAL=1: a server is already running on BENCH_PORT (e.g. started with --cpu-prof).
  const child = process.env.BENCH_EXTERNAL ? null : spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), HOSTNAME: "127.0.0.1", DATABASE_URL: url, AUTH_SECRET: "bench-secret-bench-secret-bench", SMTP_URL: "", DATABASE_POOL_MAX: process.env.DATABASE_POOL_MAX ?? "10" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    if (child) await waitHealthy(child, base);
    serverPid = child?.pid ?? (process.env.BENCH_SERVER_PID ? Number(process.env.BENCH_SERVER_PID) : undefined);
    const handle = await openDb({ url, driver: "pg", migrate: false });
    const { key } = await createApiKey(handle.db, { name: "bench", rateLimit: 0 });
    await updateSettings(handle.db, { maxTicketsPerSenderPerHour: 0 });
    await handle.close();
    const headers = { "x-api-key": key, "content-type": "application/json" };
    const ticket = (n: number) =>
      JSON.stringify({ name: `Bench ${n}`, email: `bench-{{SALT}}-${n}@load.example`, subject: `Load test ${n}`, message: "The printer on floor 3 jams on every duplex job.\nSecond line." });
    const email = (n: number) =>
      [`From: Bench ${n} <mail-{{SALT}}-${n}@load.example>`, "To: support@example.com", `Subject: Mail load ${n}`, `Message-ID: <bench-{{SALT}}-${n}@load.example>`, "MIME-Version: 1.0", "Content-Type: text/plain; charset=UTF-8", "", "Hello, the VPN drops every ten minutes.", ""].join("\r\n");

    await run("warm-up", 4, "/api/tickets.json", ticket, headers);
    const rows: Row[] = [];
    const conns = (process.env.BENCH_CONNECTIONS ?? "1,16,64").split(",").map(Number);
    for (const c of conns) rows.push(await run("tickets.json", c, "/api/tickets.json", ticket, headers));
    if (!process.env.BENCH_SKIP_EMAIL) rows.push(await run("tickets.email", 16, "/api/tickets.email", email, { ...headers, "content-type": "message/rfc822" }));
    console.log(`\n${seconds}s per scenario, ${base}, PostgreSQL\n`);
    const load = fs.readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
    console.log(`load average ${load} on ${os.cpus().length} cores\n`);
    console.log("scenario        conns  requests   req/s   p50 ms  p99 ms  non-2xx  server CPU ms/req");
    for (const r of rows) {
      console.log(`${r.scenario.padEnd(15)} ${String(r.connections).padStart(5)} ${String(r.requests).padStart(9)} ${String(r.rps).padStart(7)} ${String(r.p50).padStart(8)} ${String(r.p99).padStart(7)} ${String(r.non2xx).padStart(8)} ${r.cpuPerReq.toFixed(2).padStart(18)}`);
    }
  } finally {
    child?.kill("SIGTERM");
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
