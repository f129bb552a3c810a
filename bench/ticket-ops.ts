// Staff ticket operations under load: GET /api/staff/tickets/{tid} of a ticket with a 200-entry
// thread, and POST /api/staff/tickets/{tid}/reply, at 16 connections, against a production build
// on PostgreSQL, signed in through next-auth's credentials routes like any script.
// Target on the 2-core machine: p99 <= 50 ms for the GET.
//   npm run build
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/helpdesk_bench_ops BENCH_PORT=3311 npx tsx bench/ticket-ops.ts [seconds]
// The database must be empty or already seeded by this benchmark (the server seeds it with a
// known admin password).
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
const port = Number(process.env.BENCH_PORT ?? 3311);
const seconds = Number(process.argv[2] ?? 10);
/** BENCH_CONNECTIONS=1,16: each scenario at each level (latency alone, then under load). */
const connectionLevels = (process.env.BENCH_CONNECTIONS ?? "1,16").split(",").map(Number);
const entries = Number(process.env.BENCH_ENTRIES ?? 200);
const base = `http://localhost:${port}`;
const adminEmail = "bench-admin@example.com";
const adminPassword = "bench-password-0123456789";



/** Signs in through /api/auth like a script with a cookie jar; returns the Cookie header. */
async function signIn(): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  keep(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email: adminEmail, password: adminPassword, json: "true" }),
  });
  keep(res);
  const check = await fetch(`${base}/api/staff/me`, { headers: { cookie: cookie() } });
  if (!check.ok) throw new Error(`sign-in failed: ${check.status} ${await check.text()}`);
  return cookie();
}

interface Row {
  scenario: string;
  requests: number;
  rps: number;
  p50: number;
  p97_5: number;
  p99: number;
  non2xx: number;
  cpuPerReq: number;
}

function run(scenario: string, path: string, opts: { method: string; headers: Record<string, string>; body?: (n: number) => string }, pid?: number, connections = 16): Promise<Row> {
  let n = 0;
  const cpu0 = cpuMs(pid);
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: `${base}${path}`,
        method: opts.method,
        connections,
        duration: seconds,
        headers: opts.headers,
        requests: opts.body ? [{ setupRequest: (req) => ({ ...req, body: opts.body!(n++) }) }] : undefined,
      },
      (err, r) => {
        if (err) return reject(err);
        const lat = r.latency as typeof r.latency & { p97_5: number };
        resolve({ scenario: `${scenario} @${connections}`, requests: r.requests.total, rps: Math.round(r.requests.average), p50: lat.p50, p97_5: lat.p97_5, p99: lat.p99, non2xx: r.non2xx + r.errors, cpuPerReq: (cpuMs(pid) - cpu0) / Math.max(1, r.requests.total) });
      },
    );
  });
}

async function main() {
  // BENCH_CPU_PROF=<dir> writes a V8 CPU profile of the server there when it stops.
  const prof = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const child = spawn(process.execPath, [...prof, "--import", "tsx", "scripts/start.ts"], {
    env: { ...process.env, BENCH_CPU_PROF: "", NODE_ENV: "production", PORT: String(port), HOSTNAME: "127.0.0.1", APP_URL: base, DATABASE_URL: url, AUTH_SECRET: "bench-secret-bench-secret-bench", ADMIN_EMAIL: adminEmail, ADMIN_PASSWORD: adminPassword, SMTP_URL: "" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    await waitHealthy(child, base);
    const handle = await openDb({ url, driver: "pg", migrate: false });
    const { key } = await createApiKey(handle.db, { name: "bench-ops", rateLimit: 0 });
    await updateSettings(handle.db, { maxTicketsPerSenderPerHour: 0 });
    await handle.close();

    const open = async (subject: string) => {
      const res = await fetch(`${base}/api/tickets.json`, {
        method: "POST",
        headers: { "x-api-key": key, accept: "application/json" },
        body: JSON.stringify({ name: "Bench Client", email: `ops-${Date.now()}@bench.example`, subject, message: "The first message of a long thread." }),
      });
      if (res.status !== 201) throw new Error(`ticket create: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { data: { tid: number } }).data.tid;
    };
    const cookie = await signIn();
    const headers = { cookie, "content-type": "application/json" };

    const longTid = await open("A ticket with a long thread");
    for (let i = 1; i < entries; i++) {
      const kind = i % 3 === 0 ? "reply" : "note";
      const res = await fetch(`${base}/api/staff/tickets/${longTid}/${kind}`, {
        method: "POST",
        headers,
        body: JSON.stringify({ body: `Entry ${i}: checked the logs again, the job failed at 03:12 with a timeout.\nNext step: raise the limit.`, ...(kind === "reply" ? { signature: false } : {}) }),
      });
      if (!res.ok) throw new Error(`${kind} ${i}: ${res.status} ${await res.text()}`);
    }
    const replyTid = await open("A ticket taking replies");

    await run("warm-up", `/api/staff/tickets/${longTid}`, { method: "GET", headers: { cookie } }, child.pid, 4);
    const rows: Row[] = [];
    for (const c of connectionLevels) {
      rows.push(await run(`GET ticket (${entries} entries)`, `/api/staff/tickets/${longTid}`, { method: "GET", headers: { cookie } }, child.pid, c));
      rows.push(await run("POST reply", `/api/staff/tickets/${replyTid}/reply`, { method: "POST", headers, body: (n) => JSON.stringify({ body: `Reply ${n}: please restart the router and tell us what the lights show.` }) }, child.pid, c));
    }
    const load = fs.readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
    console.log(`\n${seconds}s per scenario, connections ${connectionLevels.join(", ")}, ${base}, PostgreSQL; load average ${load} on ${os.cpus().length} cores\n`);
    console.log("scenario                          requests   req/s   p50 ms  p97.5 ms  p99 ms  non-2xx  server CPU ms/req");
    for (const r of rows) {
      console.log(`${r.scenario.padEnd(32)} ${String(r.requests).padStart(9)} ${String(r.rps).padStart(7)} ${String(r.p50).padStart(8)} ${String(r.p97_5).padStart(9)} ${String(r.p99).padStart(7)} ${String(r.non2xx).padStart(8)} ${r.cpuPerReq.toFixed(2).padStart(18)}`);
    }
  } finally {
    child.kill("SIGTERM");
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
