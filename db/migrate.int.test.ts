import { describe, expect, it } from "vitest";
import pg from "pg";
import { inject } from "vitest";
import { openDb } from "./client";
import { migrationStatus, readJournal } from "./migrate";
import { rows } from "./rows";
import { sql } from "drizzle-orm";
import "../test/db-config";

describe("migrations", () => {
  it("apply from an empty database and report the level", async () => {
    const config = inject("testDb");
    let handle;
    let drop = async () => {};
    if (config.kind === "pg") {
      const name = `${config.prefix}empty_${process.pid}`;
      const admin = new pg.Client({ connectionString: config.url });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
      await admin.query(`CREATE DATABASE "${name}"`);
      const u = new URL(config.url);
      u.pathname = `/${name}`;
      handle = await openDb({ url: u.toString(), driver: "pg" });
      drop = async () => {
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await admin.end();
      };
    } else {
      handle = await openDb({ driver: "pglite" });
    }
    try {
      const status = await migrationStatus(handle);
      const journal = readJournal();
      expect(status.applied).toBe(journal.length);
      expect(status.pending).toEqual([]);
      expect(status.latest).toBe(journal[journal.length - 1].tag);
      const tables = await rows<{ table_name: string }>(
        handle.db,
        sql`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`,
      );
      expect(tables.map((t) => t.table_name)).toEqual(
        expect.arrayContaining(["tickets", "thread_entries", "attachments", "blobs", "api_keys", "outbound_mail", "events", "settings", "staff", "users", "organizations"]),
      );
      // Running the migrator again is a no-op.
      const { runMigrations } = await import("./migrate");
      await runMigrations(handle);
      expect((await migrationStatus(handle)).applied).toBe(journal.length);
    } finally {
      await handle.close();
      await drop();
    }
  });

  it("run once when several processes start at once (advisory lock)", async () => {
    const config = inject("testDb");
    if (config.kind !== "pg") return; // PGlite is single-process by construction (folder lock)
    const name = `${config.prefix}race_${process.pid}`;
    const admin = new pg.Client({ connectionString: config.url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
    await admin.query(`CREATE DATABASE "${name}"`);
    const u = new URL(config.url);
    u.pathname = `/${name}`;
    try {
      const handles = await Promise.all(Array.from({ length: 4 }, () => openDb({ url: u.toString(), driver: "pg" })));
      const [{ n }] = await rows<{ n: number }>(handles[0].db, sql`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`);
      expect(n).toBe(readJournal().length);
      await Promise.all(handles.map((h) => h.close()));
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    }
  });
});
