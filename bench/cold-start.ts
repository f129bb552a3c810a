// Cold start: time from launching `npm start` (after a build exists) to the first healthy
// /api/health answer on the embedded database, for a brand-new data folder (migrate + seed)
// and for an existing one.  Run: npx tsx bench/cold-start.ts [runs]
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";

const port = Number(process.env.BENCH_PORT ?? 3290);
const runs = Number(process.argv[2] ?? 3);

async function once(dataDir: string): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: { ...process.env, PORT: String(port), HOSTNAME: "127.0.0.1", DATABASE_URL: "", PGLITE_DIR: path.join(dataDir, "pglite"), AUTH_SECRET: "bench-secret-bench-secret-bench-secret" },
    stdio: "ignore",
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error("server exited");
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/health`);
        if (res.ok) return performance.now() - started;
      } catch {
        /* not up yet */
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
  }
}

if (!fs.existsSync(".next/BUILD_ID")) throw new Error("run `npm run build` first");
const fresh: number[] = [];
const warm: number[] = [];
for (let i = 0; i < runs; i++) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "helpdesk-bench-"));
  fresh.push(await once(dir));
  warm.push(await once(dir));
  fs.rmSync(dir, { recursive: true, force: true });
}
const fmt = (xs: number[]) => xs.map((x) => (x / 1000).toFixed(2) + " s").join(", ");
console.log(`cold start to first healthy response (embedded PGlite), ${runs} runs`);
console.log(`  new data folder (migrate + seed): ${fmt(fresh)}  max ${(Math.max(...fresh) / 1000).toFixed(2)} s`);
console.log(`  existing data folder:             ${fmt(warm)}  max ${(Math.max(...warm) / 1000).toFixed(2)} s`);
