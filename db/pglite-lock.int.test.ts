import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { acquirePgliteLock, DatabaseInUseError, lockFileFor, releasePgliteLock } from "./pglite-lock";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "helpdesk-lock-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe("embedded database folder lock", () => {
  it("gives a second process a clear error naming the holder", () => {
    const dir = path.join(root, "db1");
    acquirePgliteLock(dir);
    try {
      const child = spawnSync(process.execPath, ["--import", "tsx", "scripts/db-migrate.ts"], {
        env: { ...process.env, DATABASE_URL: "", DB_DRIVER: "", PGLITE_DIR: dir, NODE_ENV: "test" },
        encoding: "utf8",
        timeout: 60_000,
      });
      expect(child.status).toBe(1);
      expect(child.stderr).toContain(`in use by process ${process.pid}`);
      expect(child.stderr).toContain("set DATABASE_URL");
    } finally {
      releasePgliteLock(dir);
    }
    expect(fs.existsSync(lockFileFor(dir))).toBe(false);
  }, 90_000);

  it("takes over a lock left by a dead process", () => {
    const dir = path.join(root, "db2");
    fs.writeFileSync(lockFileFor(dir), JSON.stringify({ pid: 2 ** 22 + 12345, startedAt: "", command: "" }));
    acquirePgliteLock(dir);
    expect(JSON.parse(fs.readFileSync(lockFileFor(dir), "utf8")).pid).toBe(process.pid);
    releasePgliteLock(dir);
  });

  it("throws DatabaseInUseError for a live holder", () => {
    const dir = path.join(root, "db3");
    fs.writeFileSync(lockFileFor(dir), JSON.stringify({ pid: process.ppid, startedAt: "", command: "" }));
    expect(() => acquirePgliteLock(dir)).toThrow(DatabaseInUseError);
    fs.unlinkSync(lockFileFor(dir));
  });
});
