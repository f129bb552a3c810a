// PGlite has no cross-process lock: two processes on one data folder silently lose writes.
// We hold an exclusive lock file beside the folder for the life of the process.
import fs from "node:fs";
import path from "node:path";

interface LockInfo {
  pid: number;
  startedAt: string;
  command: string;
}

export class DatabaseInUseError extends Error {
  constructor(
    readonly pid: number,
    dir: string,
  ) {
    super(
      `The embedded database (${dir}) is in use by process ${pid}; stop it or set DATABASE_URL ` +
        `(or, for the mail pipe, HELPDESK_URL to deliver through the running server).`,
    );
    this.name = "DatabaseInUseError";
  }
}

const held = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readLock(file: string): LockInfo | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as LockInfo;
  } catch {
    return null;
  }
}

export function lockFileFor(dir: string): string {
  return `${path.resolve(dir)}.lock`;
}

/** Takes the lock or throws DatabaseInUseError naming the holder. Re-entrant within a process. */
export function acquirePgliteLock(dir: string): void {
  const file = lockFileFor(dir);
  if (held.has(file)) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const info: LockInfo = { pid: process.pid, startedAt: new Date().toISOString(), command: process.argv.slice(1).join(" ") };

  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(info), { flag: "wx" });
      held.add(file);
      process.once("exit", () => releasePgliteLock(dir));
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
    const holder = readLock(file);
    if (holder && holder.pid === process.pid) {
      held.add(file);
      return;
    }
    if (holder && isAlive(holder.pid)) throw new DatabaseInUseError(holder.pid, dir);
    // Stale lock (holder died without cleaning up, or the file is unreadable): remove and retry.
    try {
      fs.unlinkSync(file);
    } catch {
      /* another process removed it first */
    }
  }
  const holder = readLock(file);
  throw new DatabaseInUseError(holder?.pid ?? -1, dir);
}

export function releasePgliteLock(dir: string): void {
  const file = lockFileFor(dir);
  if (!held.has(file)) return;
  held.delete(file);
  const holder = readLock(file);
  if (holder?.pid === process.pid) {
    try {
      fs.unlinkSync(file);
    } catch {
      /* already gone */
    }
  }
}
