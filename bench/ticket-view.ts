// Server render of the ticket view (/tickets/<tid>, the whole HTML page with its RSC payload)
// for a ticket with a 200-entry thread, signed in as an agent of the ticket's department,
// against a production build on PostgreSQL: sequential requests, p50/p95/p99 and server CPU.
// Target: p95 <= 150 ms.
//   npm run build
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/helpdesk_bench BENCH_PORT=3310 npx tsx bench/ticket-view.ts [requests]
// The database is migrated and seeded by the server; the benchmark adds an agent and the ticket.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import { sql } from "drizzle-orm";
import { openDb } from "@/db/client";
import { departments, priorities, staff, staffDepartments, threadEntries, tickets, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { cpuMs, waitHealthy } from "./lib/server";

const url = process.env.BENCH_DATABASE_URL;
if (!url) throw new Error("Set BENCH_DATABASE_URL to a PostgreSQL database the benchmark may fill");
const port = Number(process.env.BENCH_PORT ?? 3310);
const requests = Number(process.argv[2] ?? 200);
const entriesPerTicket = Number(process.env.BENCH_ENTRIES ?? 200);
const base = `http://127.0.0.1:${port}`;
const password = "bench-password-123";



/** A mail-like body: a few paragraphs, a link, and quoted history on every other message. */
function body(i: number) {
  const para = `<p>Entry ${i}: the VPN drops every ten minutes on the <b>3rd floor</b>; see <a href="https://status.example.com/${i}">status</a>.</p>`;
  const html = para.repeat(3) + (i % 2 ? `<blockquote>On Monday someone wrote:<br>${"Earlier text of the conversation. ".repeat(20)}</blockquote>` : "");
  return { html, text: html.replace(/<[^>]+>/g, " "), quoteAt: i % 2 ? para.length * 3 : null };
}

async function seed() {
  const handle = await openDb({ url: url!, driver: "pg", migrate: false });
  const db = handle.db;
  const [support] = await db.select().from(departments).where(sql`${departments.name} = 'Support'`);
  const [prio] = await db.select().from(priorities).where(sql`${priorities.isDefault}`);
  const email = `bench-agent-${Date.now()}@example.com`;
  const [agent] = await db.insert(staff).values({ email, name: "Bench Agent", role: "agent", passwordHash: await hashPassword(password), primaryDeptId: support.id }).returning();
  await db.insert(staffDepartments).values({ staffId: agent.id, deptId: support.id });
  const [user] = await db.insert(users).values({ email: `bench-client-${Date.now()}@example.net`, name: "Bench Client" }).returning();
  const number = String(100000 + Math.floor(Math.random() * 899999));
  const [t] = await db.insert(tickets).values({ number, subject: "Bench: 200-entry thread", status: "open", userId: user.id, deptId: support.id, priorityId: prio.id, source: "email" }).returning();
  const start = Date.now() - entriesPerTicket * 60_000;
  const rows = Array.from({ length: entriesPerTicket }, (_, i) => {
    const b = body(i);
    const type = i % 5 === 4 ? "note" : i % 2 ? "response" : "message";
    return {
      ticketId: t.id,
      type: type as "message" | "response" | "note",
      userId: type === "message" ? user.id : null,
      staffId: type === "message" ? null : agent.id,
      posterName: type === "message" ? "Bench Client" : "Bench Agent",
      posterEmail: type === "message" ? user.email : email,
      bodyHtml: b.html,
      bodyText: b.text,
      quoteStartHtml: b.quoteAt,
      createdAt: new Date(start + i * 60_000),
    };
  });
  await db.insert(threadEntries).values(rows);
  await handle.close();
  return { tid: t.id, email };
}

async function signIn(email: string): Promise<string> {
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  const csrfCookie = (csrfRes.headers.getSetCookie() ?? []).map((c) => c.split(";")[0]).join("; ");
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const session = (res.headers.getSetCookie() ?? []).map((c) => c.split(";")[0]).find((c) => c.includes("session-token"));
  if (!session) throw new Error(`sign-in failed (${res.status})`);
  return session;
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function main() {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), HOSTNAME: "127.0.0.1", DATABASE_URL: url, AUTH_SECRET: "bench-secret-bench-secret-bench", SMTP_URL: "" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    await waitHealthy(child, base);
    const { tid, email } = await seed();
    const cookie = await signIn(email);
    const get = async () => {
      const t0 = performance.now();
      const res = await fetch(`${base}/tickets/${tid}`, { headers: { cookie, "accept-encoding": "identity" } });
      const text = await res.text();
      if (res.status !== 200 || !text.includes("Bench: 200-entry thread")) throw new Error(`unexpected answer ${res.status}`);
      if (process.env.BENCH_DUMP) fs.writeFileSync(process.env.BENCH_DUMP, text);
      return { ms: performance.now() - t0, bytes: text.length };
    };
    for (let i = 0; i < 20; i++) await get();
    const cpu0 = cpuMs(child.pid);
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < requests; i++) {
      const r = await get();
      times.push(r.ms);
      bytes = r.bytes;
    }
    const cpu = (cpuMs(child.pid) - cpu0) / requests;
    times.sort((a, b) => a - b);
    const load = fs.readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
    console.log(`\n/tickets/${tid}: ${entriesPerTicket} entries, ${requests} sequential requests, ${base}, PostgreSQL`);
    console.log(`load average ${load} on ${os.cpus().length} cores; page ${(bytes / 1024).toFixed(0)} KB uncompressed`);
    console.log(`p50 ${pct(times, 50).toFixed(1)} ms  p95 ${pct(times, 95).toFixed(1)} ms  p99 ${pct(times, 99).toFixed(1)} ms  max ${times[times.length - 1].toFixed(1)} ms  server CPU ${cpu.toFixed(1)} ms/req`);
  } finally {
    child.kill("SIGTERM");
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
