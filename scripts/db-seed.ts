// `npm run db:seed [-- --demo]`: seed the core data (idempotent); --demo adds a realistic demo set.
import { parseArgs } from "node:util";
import { closeDb } from "@/db/client";
import { env } from "@/lib/config/env";
import { seedCore } from "@/lib/setup/seed";
import { seedDemo } from "@/lib/setup/demo";
import { loadEnv, fail } from "./lib/bootstrap";
import { openCliDb } from "./lib/db";

loadEnv();
let args;
try {
  args = parseArgs({ options: { demo: { type: "boolean", default: false }, tickets: { type: "string", default: "300" } } });
} catch (e) {
  fail(`${(e as Error).message}\nusage: npm run db:seed [-- --demo [--tickets N]]`, 64);
}
const handle = await openCliDb();
const e = env();
const seed = await seedCore(handle.db, { adminEmail: e.ADMIN_EMAIL, adminPassword: e.ADMIN_PASSWORD });
console.log(seed.created.length ? `Seeded: ${seed.created.join(", ")}` : "Core data already present: nothing to do.");
if (seed.admin.password) console.log(`Admin login: ${seed.admin.email} / ${seed.admin.password} (shown once)`);
if (seed.apiKey) console.log(`API key (shown once): ${seed.apiKey}`);
if (args.values.demo) {
  const count = Number(args.values.tickets);
  if (!Number.isInteger(count) || count < 1 || count > 100_000) fail("--tickets must be a whole number from 1 to 100000", 64);
  const demo = await seedDemo(handle.db, { tickets: count });
  console.log(demo.skipped ? "Demo data already present: nothing to do." : `Demo data: ${demo.summary}`);
  if (demo.staffPassword) console.log(`Demo staff: ${demo.staffEmails?.join(", ")}; each signs in with the password ${demo.staffPassword}`);
}
await closeDb();
