// The database client: one module chooses the driver from the environment.
//   no DATABASE_URL            -> embedded PGlite in PGLITE_DIR (default ./.data/pglite)
//   postgres://...             -> node-postgres pool
//   a Neon host, DB_DRIVER=neon -> @neondatabase/serverless pool
// The raw connection lives on globalThis so hot reloads and separately bundled copies of this
// module (the custom server and Next's bundle) share one client and one migration run.
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import path from "node:path";
import * as schema from "./schema";
import { acquirePgliteLock, releasePgliteLock } from "./pglite-lock";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything queries can run on: the database or an open transaction. */
export type Executor = Db | Tx;
export type Driver = "pglite" | "pg" | "neon";

export interface DbHandle {
  driver: Driver;
  db: Db;
  /** Where the data lives, for messages (a folder, or the URL without its password). */
  location: string;
  close(): Promise<void>;
}

export interface DbOptions {
  url?: string;
  driver?: Driver;
  pgliteDir?: string;
  /** PGlite only: start from a dumped data directory (tests use a pre-migrated copy). */
  pgliteLoadDataDir?: Blob;
  poolMax?: number;
  /** Apply pending migrations on open (default true). */
  migrate?: boolean;
}

export const migrationsFolder = path.join(process.cwd(), "db", "migrations");

export function resolveDriver(url: string | undefined, explicit?: string): Driver {
  if (explicit === "pglite" || explicit === "pg" || explicit === "neon") return explicit;
  if (!url) return "pglite";
  try {
    if (/(^|\.)neon\.tech$/i.test(new URL(url).hostname)) return "neon";
  } catch {
    /* not a URL: let pg report it */
  }
  return "pg";
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}

const casing = "snake_case" as const;

async function openPglite(opts: DbOptions): Promise<DbHandle> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const dir = opts.pgliteDir;
  if (dir) acquirePgliteLock(dir);
  try {
    const client = dir
      ? new PGlite(path.resolve(dir))
      : new PGlite(opts.pgliteLoadDataDir ? { loadDataDir: opts.pgliteLoadDataDir } : {});
    await client.waitReady;
    const db = drizzle({ client, schema, casing }) as unknown as Db;
    return {
      driver: "pglite",
      db,
      location: dir ? path.resolve(dir) : "memory",
      async close() {
        await client.close();
        if (dir) releasePgliteLock(dir);
      },
    };
  } catch (e) {
    if (dir) releasePgliteLock(dir);
    throw e;
  }
}

async function openPg(url: string, opts: DbOptions): Promise<DbHandle> {
  const pg = (await import("pg")).default;
  const { drizzle } = await import("drizzle-orm/node-postgres");
  // JIT compilation and parallel workers pay off for analytics, not for our short queries: the
  // planner's estimates for LIMIT queries walking an index (a million rows) made it compile
  // and start workers for queries that run in a millisecond, under concurrent load.
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.poolMax ?? 10,
    connectionTimeoutMillis: 5_000,
    options: "-c jit=off -c max_parallel_workers_per_gather=0",
  });
  // An idle client losing its connection must not crash the process.
  pool.on("error", (err) => console.error("[db] idle client error:", err.message));
  const db = drizzle({ client: pool, schema, casing }) as unknown as Db;
  return { driver: "pg", db, location: redact(url), close: () => pool.end() };
}

async function openNeon(url: string, opts: DbOptions): Promise<DbHandle> {
  const { Pool, neonConfig } = await import("@neondatabase/serverless");
  const { drizzle } = await import("drizzle-orm/neon-serverless");
  if (typeof WebSocket === "undefined") neonConfig.webSocketConstructor = (await import("ws")).default;
  const pool = new Pool({ connectionString: url, max: opts.poolMax ?? 10, connectionTimeoutMillis: 5_000 });
  pool.on("error", (err: Error) => console.error("[db] idle client error:", err.message));
  const db = drizzle({ client: pool, schema, casing }) as unknown as Db;
  return { driver: "neon", db, location: redact(url), close: () => pool.end() };
}

/** Opens a new connection (pool) and, unless told otherwise, migrates it. */
export async function openDb(opts: DbOptions = {}): Promise<DbHandle> {
  const driver = resolveDriver(opts.url, opts.driver);
  let handle: DbHandle;
  if (driver === "pglite") handle = await openPglite(opts);
  else if (!opts.url) throw new Error(`DB_DRIVER=${driver} needs DATABASE_URL`);
  else handle = driver === "pg" ? await openPg(opts.url, opts) : await openNeon(opts.url, opts);
  if (opts.migrate !== false) {
    const { runMigrations } = await import("./migrate");
    try {
      await runMigrations(handle);
    } catch (e) {
      await handle.close().catch(() => {});
      throw e;
    }
  }
  return handle;
}

// ---- the process-wide handle --------------------------------------------------------------

interface Global {
  __helpdeskDb?: Promise<DbHandle>;
}
const g = globalThis as unknown as Global;

/** Options for the process-wide handle. db/ may not import lib/, so it reads its own variables
 * (DATABASE_URL, DB_DRIVER, PGLITE_DIR, DATABASE_POOL_MAX); lib/config/env.ts validates the same names. */
function optionsFromEnv(): DbOptions {
  const e = process.env;
  return {
    url: e.DATABASE_URL || undefined,
    driver: (e.DB_DRIVER || undefined) as Driver | undefined,
    pgliteDir: e.PGLITE_DIR || ".data/pglite",
    poolMax: e.DATABASE_POOL_MAX ? Number(e.DATABASE_POOL_MAX) : undefined,
  };
}

export function getDbHandle(): Promise<DbHandle> {
  if (!g.__helpdeskDb) {
    const p = openDb(optionsFromEnv());
    g.__helpdeskDb = p;
    // A failed open must not be cached forever (e.g. the database was briefly down).
    p.catch(() => {
      if (g.__helpdeskDb === p) g.__helpdeskDb = undefined;
    });
  }
  return g.__helpdeskDb;
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}

/** Tests (and the start script) install a handle they opened themselves. */
export function setDbHandle(handle: DbHandle | undefined): void {
  g.__helpdeskDb = handle ? Promise.resolve(handle) : undefined;
}

export async function closeDb(): Promise<void> {
  const p = g.__helpdeskDb;
  g.__helpdeskDb = undefined;
  if (p) await (await p).close();
}
