// What the HTTP benchmarks share: waiting for the spawned `npm start` to answer /api/health, and
// the CPU time that server process has used (per request it is robust to a busy machine).
import type { spawn } from "node:child_process";
import fs from "node:fs";

export async function waitHealthy(child: ReturnType<typeof spawn>, base: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error("server exited");
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("server did not become healthy");
}

/** CPU time (ms) the process has used so far, from /proc. */
export function cpuMs(pid: number | undefined): number {
  if (!pid) return NaN;
  const f = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return ((Number(f[11]) + Number(f[12])) * 1000) / 100;
}
