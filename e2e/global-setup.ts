// Seeds a fresh embedded database (or E2E_DATABASE_URL, which must be local) with the e2e
// fixtures, then starts the production server on it. The server is stopped at teardown.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";
import { openDb } from "../db/client";
import { seedE2e } from "./seed";
import { writeState } from "./state";

const port = Number(process.env.E2E_PORT ?? 3210);

function assertLocal(url: string) {
  const host = new URL(url).hostname;
  if (!["localhost", "127.0.0.1", "::1"].includes(host)) throw new Error(`E2E_DATABASE_URL must point at a local database, not ${host}`);
}

export default async function globalSetup() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "helpdesk-e2e-"));
  const dbUrl = process.env.E2E_DATABASE_URL;
  if (dbUrl) assertLocal(dbUrl);
  const pgliteDir = path.join(dataDir, "pglite");

  const handle = await openDb(dbUrl ? { url: dbUrl } : { driver: "pglite", pgliteDir });
  const state = await seedE2e(handle.db);
  await handle.close();
  writeState({ ...state, baseURL: `http://localhost:${port}`, driver: handle.driver });

  const env = {
    ...process.env,
    PORT: String(port),
    HOSTNAME: "127.0.0.1",
    APP_URL: `http://localhost:${port}`,
    DATABASE_URL: dbUrl ?? "",
    PGLITE_DIR: pgliteDir,
    AUTH_SECRET: "e2e-secret-not-for-production-000000000000",
  };
  const server = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { env, stdio: ["ignore", "pipe", "pipe"] });
  const log: string[] = [];
  server.stdout.on("data", (d) => log.push(String(d)));
  server.stderr.on("data", (d) => log.push(String(d)));

  const deadline = Date.now() + 180_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`server exited early:\n${log.join("")}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`server did not become healthy:\n${log.join("")}`);
    await new Promise((r) => setTimeout(r, 300));
  }

  return async () => {
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
    if (process.env.E2E_SHOW_SERVER_LOG) console.log(log.join(""));
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
