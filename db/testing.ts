// Test databases: every test file gets its own clean, migrated database, copied from the one
// prepared by test/global-setup.ts, and installed as the process-wide handle so route handlers
// under test use it.
import fs from "node:fs";
import { randomBytes } from "node:crypto";
import { afterAll, inject } from "vitest";
import pg from "pg";
import { type DbHandle, openDb, setDbHandle } from "./client";
import "../test/db-config";

export async function createTestDb(opts: { install?: boolean } = {}): Promise<DbHandle> {
  const config = inject("testDb");
  let handle: DbHandle;
  let cleanup: () => Promise<void>;
  if (config.kind === "pg") {
    const name = `${config.prefix}${process.pid}_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: config.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${config.template}"`);
    const u = new URL(config.url);
    u.pathname = `/${name}`;
    handle = await openDb({ url: u.toString(), driver: "pg", migrate: false, poolMax: 20 });
    cleanup = async () => {
      await handle.close().catch(() => {});
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
      await admin.end();
    };
  } else {
    const blob = new Blob([fs.readFileSync(config.dumpFile)]);
    handle = await openDb({ driver: "pglite", pgliteLoadDataDir: blob, migrate: false });
    cleanup = () => handle.close();
  }
  if (opts.install !== false) setDbHandle(handle);
  afterAll(async () => {
    if (opts.install !== false) setDbHandle(undefined);
    await cleanup();
  });
  return handle;
}

/** Which database the suite runs on, for tests that only make sense on one of them. */
export function testDbKind(): "pg" | "pglite" {
  return inject("testDb").kind;
}
