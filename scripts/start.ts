// `npm start`: build if there is no build, prepare the database (migrate, seed on first run),
// then serve the panel and APIs.
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { loadEnv, fail } from "./lib/bootstrap";
import { env, setEnvVar } from "@/lib/config/env";
import { ensureAuthSecret } from "@/lib/config/auth-secret";
import { closeDb, getDbHandle } from "@/db/client";
import { migrationStatus } from "@/db/migrate";
import { DatabaseInUseError } from "@/db/pglite-lock";
import { seedCore } from "@/lib/setup/seed";
import { prepareServer, requestsDrained } from "./server";

async function main() {
  (process.env as Record<string, string>).NODE_ENV = "production";
  loadEnv();
  const started = Date.now();

  if (!fs.existsSync(path.join(".next", "BUILD_ID"))) {
    console.log("No production build found: running `next build` (about a minute, once)...");
    const nextBin = path.join("node_modules", "next", "dist", "bin", "next");
    const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit" });
    if (build.status !== 0) fail("next build failed; see the output above");
  }

  const secret = ensureAuthSecret();
  if (secret.source === "generated") console.log(`Generated a session secret in ${secret.file} (set AUTH_SECRET in production).`);

  const e = env();
  const url = e.APP_URL ?? `http://localhost:${e.PORT}`;
  if (!process.env.NEXTAUTH_URL) setEnvVar("NEXTAUTH_URL", url);

  // Next.js reads its build while the database opens; both take a couple of seconds.
  const prepared = prepareServer({ port: e.PORT, hostname: e.HOSTNAME });
  prepared.catch(() => {});

  let handle;
  try {
    handle = await getDbHandle();
  } catch (err) {
    if (err instanceof DatabaseInUseError) fail(err.message);
    fail(`cannot open the database: ${(err as Error).message}`);
  }
  const status = await migrationStatus(handle);
  console.log(`Database: ${handle.driver} (${handle.location}), migrations applied: ${status.applied} (${status.latest})`);

  const seed = await seedCore(handle.db, { adminEmail: e.ADMIN_EMAIL, adminPassword: e.ADMIN_PASSWORD });
  if (seed.created.length) console.log(`Seeded: ${seed.created.join(", ")}`);
  if (seed.admin.password) {
    console.log("\n  Admin login (shown once, change it after signing in):");
    console.log(`    email:    ${seed.admin.email}`);
    console.log(`    password: ${seed.admin.password}`);
  } else {
    console.log(`Admin login: ${seed.admin.email}`);
  }
  if (seed.apiKey) {
    console.log("\n  API key (shown once; create more with `npm run apikey -- create --name NAME`):");
    console.log(`    ${seed.apiKey}\n`);
  }

  const server = await (await prepared)();
  console.log(`Help desk ready on ${url} (started in ${((Date.now() - started) / 1000).toFixed(1)} s)`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: shutting down`);
    // Requests in flight finish before the database closes (at most 10 s), so none of them
    // fails half-way with a closed pool.
    await new Promise<void>((resolve) => {
      const force = setTimeout(() => {
        server.closeAllConnections();
        resolve();
      }, 10_000);
      force.unref();
      server.close(() => {
        clearTimeout(force);
        resolve();
      });
      server.closeIdleConnections();
    });
    await requestsDrained(5_000);
    await closeDb().catch(() => {});
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
