// Health of the running instance: database reachability, driver and migration level.
import { sql } from "drizzle-orm";
import { getDbHandle } from "@/db/client";
import { migrationStatus, type MigrationStatus } from "@/db/migrate";
import pkg from "@/package.json";
import { DatabaseInUseError } from "@/db/pglite-lock";

export interface Health {
  status: "ok" | "error";
  db: { driver: string | null; migrations: MigrationStatus | null; error?: string };
  version: string;
}

export async function checkHealth(): Promise<Health> {
  try {
    const handle = await getDbHandle();
    await handle.db.execute(sql`SELECT 1`);
    const migrations = await migrationStatus(handle);
    const status = migrations.pending.length ? "error" : "ok";
    return { status, db: { driver: handle.driver, migrations }, version: pkg.version };
  } catch (e) {
    console.error("[health] database check failed:", (e as Error).message);
    // Said apart because it is the usual mistake (npm run dev beside npm start); the log has the
    // details, which this unauthenticated answer keeps to itself.
    const error = e instanceof DatabaseInUseError ? "embedded database in use by another process (see the server log)" : "database unreachable";
    return { status: "error", db: { driver: null, migrations: null, error }, version: pkg.version };
  }
}
