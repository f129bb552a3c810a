// Applies drizzle-kit migrations. Safe when several processes start at once: on a server
// database the run is serialised by a PostgreSQL advisory lock.
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { type DbHandle, migrationsFolder } from "./client";
import { rows } from "./rows";

/** Arbitrary constant identifying "helpdesk migrations" among advisory locks. */
const MIGRATION_LOCK_KEY = 7_240_318_001;

export async function runMigrations(handle: DbHandle): Promise<void> {
  const config = { migrationsFolder };
  if (handle.driver === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(handle.db as never, config);
    return;
  }
  // Hold the lock on one dedicated connection for the whole run.
  const pool = (handle.db as unknown as { $client: { connect(): Promise<PoolClientLike> } }).$client;
  const client = await pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    try {
      if (handle.driver === "pg") {
        const { drizzle } = await import("drizzle-orm/node-postgres");
        const { migrate } = await import("drizzle-orm/node-postgres/migrator");
        await migrate(drizzle({ client: client as never }), config);
      } else {
        const { drizzle } = await import("drizzle-orm/neon-serverless");
        const { migrate } = await import("drizzle-orm/neon-serverless/migrator");
        await migrate(drizzle({ client: client as never }), config);
      }
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}

interface PoolClientLike {
  query(text: string, values?: unknown[]): Promise<unknown>;
  release(): void;
}

interface JournalEntry {
  idx: number;
  tag: string;
  when: number;
}

export function readJournal(): JournalEntry[] {
  const file = path.join(migrationsFolder, "meta", "_journal.json");
  return (JSON.parse(fs.readFileSync(file, "utf8")) as { entries: JournalEntry[] }).entries;
}

export interface MigrationStatus {
  applied: number;
  available: number;
  latest: string | null;
  pending: string[];
}

/** What the database has applied, compared with the migrations shipped in this build. */
export async function migrationStatus(handle: DbHandle): Promise<MigrationStatus> {
  const journal = readJournal();
  let appliedAt: number[] = [];
  try {
    const found = await rows<{ created_at: string | number }>(
      handle.db,
      sql`SELECT created_at FROM drizzle.__drizzle_migrations ORDER BY created_at`,
    );
    appliedAt = found.map((r) => Number(r.created_at));
  } catch {
    appliedAt = [];
  }
  const applied = new Set(appliedAt);
  const done = journal.filter((j) => applied.has(j.when));
  return {
    applied: done.length,
    available: journal.length,
    latest: done.length ? done[done.length - 1].tag : null,
    pending: journal.filter((j) => !applied.has(j.when)).map((j) => j.tag),
  };
}
