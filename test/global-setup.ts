// Prepares one migrated database that every test file copies: a PostgreSQL template database
// when TEST_DATABASE_URL is set, otherwise a dumped PGlite data directory. Migrating once and
// copying is much faster than migrating per file (a cold PGlite migrate takes seconds).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import pg from "pg";
import { openDb } from "../db/client";
import type { TestDbConfig } from "./db-config";

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const baseName = new URL(url).pathname.replace(/^\//, "") || "postgres";
    const template = `${baseName}_tpl`.toLowerCase().replace(/[^a-z0-9_]/g, "_");
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await dropDatabase(admin, template);
    await admin.query(`CREATE DATABASE "${template}"`);
    const handle = await openDb({ url: withDatabase(url, template), driver: "pg" });
    await handle.close();
    // A template must have no connections while it is copied.
    await admin.query(`ALTER DATABASE "${template}" WITH ALLOW_CONNECTIONS false`).catch(() => {});
    const config: TestDbConfig = { kind: "pg", url, template, prefix: `${baseName}_t_` };
    project.provide("testDb", config);
    return async () => {
      const { rows } = await admin.query<{ datname: string }>(
        "SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname = $2",
        [`${config.prefix}%`, template],
      );
      for (const r of rows) await dropDatabase(admin, r.datname);
      await admin.end();
    };
  }

  const handle = await openDb({ driver: "pglite" });
  const client = (handle.db as unknown as { $client: { dumpDataDir(c: "none"): Promise<Blob> } }).$client;
  const dump = await client.dumpDataDir("none");
  await handle.close();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "helpdesk-test-")), "pglite.tar");
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("testDb", { kind: "pglite", dumpFile: file } satisfies TestDbConfig);
  return () => fs.rmSync(path.dirname(file), { recursive: true, force: true });
}

async function dropDatabase(admin: pg.Client, name: string) {
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}
