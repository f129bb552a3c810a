// CPU cost of intake, measured without HTTP and without a load generator, so the figure holds on
// a busy machine: Node CPU (process.cpuUsage) and PostgreSQL backend CPU (/proc/<pid>/stat of the
// one connection used) per createTicket and per inbound email, run sequentially.
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/helpdesk_bench npx tsx bench/intake-cost.ts [n]
import fs from "node:fs";
import { sql } from "drizzle-orm";
import { openDb } from "@/db/client";
import { rows } from "@/db/rows";
import { updateSettings } from "@/lib/config/settings";
import { setEnvVar } from "@/lib/config/env";
import { processInboundEmail } from "@/lib/inbound";
import { seedCore } from "@/lib/setup/seed";
import { createTicket } from "@/lib/tickets/create";
import { messageBody } from "@/lib/intake/message-body";

const url = process.env.BENCH_DATABASE_URL;
if (!url) throw new Error("Set BENCH_DATABASE_URL");
const n = Number(process.argv[2] ?? 500);
setEnvVar("AUTH_SECRET", "bench-secret-bench-secret-bench");

const ticks = Number(process.env.CLK_TCK ?? 100);
function backendCpuMs(pid: number): number {
  const f = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return ((Number(f[11]) + Number(f[12])) * 1000) / ticks;
}

async function measure(label: string, op: (i: number) => Promise<unknown>, pid: number) {
  for (let i = 0; i < 20; i++) await op(-1 - i); // warm-up
  const cpu0 = process.cpuUsage();
  const pg0 = backendCpuMs(pid);
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await op(i);
  const wall = (performance.now() - t0) / n;
  const c = process.cpuUsage(cpu0);
  const node = (c.user + c.system) / 1000 / n;
  const pg = (backendCpuMs(pid) - pg0) / n;
  console.log(`${label.padEnd(28)} wall ${wall.toFixed(2)} ms   node CPU ${node.toFixed(2)} ms   postgres CPU ${pg.toFixed(2)} ms   (${n} sequential)`);
}

async function main() {
  const h = await openDb({ url, driver: "pg", poolMax: 1 });
  await seedCore(h.db, { adminEmail: "admin@example.com", adminPassword: "bench-password-1" });
  await updateSettings(h.db, { maxTicketsPerSenderPerHour: 0 });
  const [{ pid }] = await rows<{ pid: number }>(h.db, sql`SELECT pg_backend_pid() AS pid`);
  const salt = Date.now().toString(36);
  const body = messageBody("The printer on floor 3 jams on every duplex job.\nSecond line.", "text");
  await measure("createTicket (new requester)", (i) => createTicket(h.db, { user: { email: `cost-${salt}-${i}@load.example`, name: "Cost" }, subject: `Cost ${i}`, body, source: "api", actor: { actor: "api:bench" } }), pid);
  await measure("createTicket (same requester)", (i) => createTicket(h.db, { user: { email: `same-${salt}@load.example` }, subject: `Same ${i}`, body, source: "api", actor: {} }), pid);
  const mail = (i: number) =>
    Buffer.from(`From: Cost <mail-${salt}-${i}@load.example>\r\nTo: support@example.com\r\nSubject: Mail ${i}\r\nMessage-ID: <cost-${salt}-${i}@load.example>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nHello, the VPN drops every ten minutes.\r\n`);
  await measure("inbound email (new ticket)", (i) => processInboundEmail(h.db, mail(i), { door: "pipe" }), pid);
  await h.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
