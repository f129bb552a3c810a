// Carrying changes to Algolia. Triggers (migration 0004) queue every changed ticket in
// search_outbox in the transaction of the change, while search_sync has Algolia enabled. The
// drain claims a batch (a lease, so no transaction stays open across HTTP), sends the tickets'
// current records (or deletions) in one batch call, and deletes the rows only once Algolia took
// them; a failure keeps them with a growing delay. A full rebuild fills a fresh index and
// moves it over the live one in one operation.
import { sql } from "drizzle-orm";
import type { Db, Executor } from "@/db/client";
import { rows } from "@/db/rows";
import { isConfigured } from "@/lib/config/features";
import { algoliaClient, algoliaIndexName, indexSettings } from "./client";
import { loadRecords } from "./records";

const ENGINE = "algolia";
const LEASE_S = 300;
const MAX_DELAY_S = 3600;

/** Delay before attempt n+1: 30 s, 1 min, 2 min, ... capped at an hour. */
export const retryDelaySeconds = (attempts: number) => Math.min(MAX_DELAY_S, 30 * 2 ** Math.max(0, attempts - 1));

interface SyncState {
  enabled: boolean;
  rebuildRequestedAt: Date | null;
  rebuiltAt: Date | null;
}

async function syncState(db: Executor): Promise<SyncState | null> {
  const [r] = await rows<{ enabled: boolean; rebuild_requested_at: Date | null; rebuilt_at: Date | null }>(db, sql`SELECT enabled, rebuild_requested_at, rebuilt_at FROM search_sync WHERE engine = ${ENGINE}`);
  return r ? { enabled: r.enabled, rebuildRequestedAt: r.rebuild_requested_at, rebuiltAt: r.rebuilt_at } : null;
}

/**
 * Turns queueing on or off to match the configuration. Turning it on asks for a full rebuild,
 * since changes made while it was off were not queued.
 */
export async function ensureAlgoliaSync(db: Executor): Promise<SyncState> {
  const configured = isConfigured("algolia");
  const state = await syncState(db);
  if (state && state.enabled === configured) return state;
  await db.execute(sql`INSERT INTO search_sync (engine, enabled, index_name, rebuild_requested_at, updated_at)
    VALUES (${ENGINE}, ${configured}, ${algoliaIndexName()}, ${configured ? sql`now()` : null}, now())
    ON CONFLICT (engine) DO UPDATE SET enabled = EXCLUDED.enabled, index_name = EXCLUDED.index_name,
      rebuild_requested_at = CASE WHEN EXCLUDED.enabled THEN now() ELSE search_sync.rebuild_requested_at END, updated_at = now()`);
  if (!configured) await db.execute(sql`DELETE FROM search_outbox`);
  ready = null;
  return (await syncState(db))!;
}

let ready: { at: number; value: boolean } | null = null;
const READY_TTL_MS = 30_000;

/**
 * Whether the Algolia index has been built at least once since queueing was enabled; until
 * then PostgreSQL answers (an unbuilt index would find nothing). Cached briefly per process.
 */
export async function algoliaReady(db: Executor): Promise<boolean> {
  if (ready && Date.now() - ready.at < READY_TTL_MS) return ready.value;
  const [r] = await rows<{ ok: boolean }>(db, sql`SELECT (enabled AND rebuilt_at IS NOT NULL) AS ok FROM search_sync WHERE engine = ${ENGINE}`);
  ready = { at: Date.now(), value: !!r?.ok };
  return ready.value;
}

export async function requestAlgoliaRebuild(db: Executor): Promise<void> {
  await db.execute(sql`UPDATE search_sync SET rebuild_requested_at = now(), updated_at = now() WHERE engine = ${ENGINE}`);
}

function errorText(e: unknown): string {
  const err = e as { message?: string; status?: number };
  return `${err.status ? `${err.status} ` : ""}${err.message ?? String(e)}`.slice(0, 1000);
}

/** Sends one batch of queued changes. */
export async function drainSearchOutbox(db: Db, opts: { limit?: number; now?: Date } = {}) {
  const limit = opts.limit ?? 500;
  const now = opts.now ?? new Date();
  const claimed = await rows<{ id: number; ticket_id: number; attempts: number }>(
    db,
    sql`UPDATE search_outbox SET available_at = ${now}::timestamptz + make_interval(secs => ${LEASE_S})
      WHERE id IN (SELECT id FROM search_outbox WHERE available_at <= ${now} ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED)
      RETURNING id, ticket_id, attempts`,
  );
  if (!claimed.length) return { sent: 0, deleted: 0, failed: 0 };
  const ids = claimed.map((r) => Number(r.id));
  const ticketIds = [...new Set(claimed.map((r) => Number(r.ticket_id)))];
  const records = await loadRecords(db, ticketIds);
  const requests = ticketIds.map((id) => {
    const record = records.get(id);
    return record ? { action: "updateObject" as const, body: record } : { action: "deleteObject" as const, body: { objectID: String(id) } };
  });
  try {
    await algoliaClient().batch({ indexName: algoliaIndexName(), batchWriteParams: { requests } });
  } catch (e) {
    const attempts = Math.max(...claimed.map((r) => Number(r.attempts))) + 1;
    await db.execute(sql`UPDATE search_outbox SET attempts = attempts + 1, last_error = ${errorText(e)},
      available_at = ${now}::timestamptz + make_interval(secs => ${retryDelaySeconds(attempts)}) WHERE id IN ${ids}`);
    return { sent: 0, deleted: 0, failed: ticketIds.length };
  }
  await db.execute(sql`DELETE FROM search_outbox WHERE id IN ${ids}`);
  const deleted = requests.filter((r) => r.action === "deleteObject").length;
  return { sent: requests.length - deleted, deleted, failed: 0 };
}

/**
 * Writes every ticket into a new index and moves it over the live one (operationIndex "move"
 * is atomic: searches see the old index until the new one replaces it). Changes queued before
 * the rebuild started are covered by it and dropped; later ones stay for the next drain.
 */
export async function rebuildAlgoliaIndex(db: Db, opts: { batch?: number; now?: Date } = {}) {
  const client = algoliaClient();
  const live = algoliaIndexName();
  const now = opts.now ?? new Date();
  const tmp = `${live}_rebuild_${now.getTime()}`;
  const [{ covered }] = await rows<{ covered: number | null }>(db, sql`SELECT max(id)::bigint AS covered FROM search_outbox`);
  const settings = await client.setSettings({ indexName: tmp, indexSettings });
  await client.waitForTask({ indexName: tmp, taskID: settings.taskID });
  let after = 0;
  let total = 0;
  for (;;) {
    const ids = (await rows<{ id: number }>(db, sql`SELECT id FROM tickets WHERE id > ${after} AND status <> 'deleted' ORDER BY id LIMIT ${opts.batch ?? 1000}`)).map((r) => Number(r.id));
    if (!ids.length) break;
    const records = [...(await loadRecords(db, ids)).values()];
    if (records.length) {
      const res = await client.batch({ indexName: tmp, batchWriteParams: { requests: records.map((body) => ({ action: "updateObject" as const, body })) } });
      await client.waitForTask({ indexName: tmp, taskID: res.taskID });
    }
    total += records.length;
    after = ids[ids.length - 1];
  }
  const moved = await client.operationIndex({ indexName: tmp, operationIndexParams: { operation: "move", destination: live } });
  await client.waitForTask({ indexName: live, taskID: moved.taskID });
  if (covered !== null) await db.execute(sql`DELETE FROM search_outbox WHERE id <= ${covered}`);
  await db.execute(sql`UPDATE search_sync SET rebuilt_at = now(), rebuild_requested_at = NULL, last_error = NULL, index_name = ${live}, updated_at = now() WHERE engine = ${ENGINE}`);
  ready = null;
  return { records: total, index: live };
}

/** The search-sync job: keep queueing in line with the configuration, rebuild when asked, drain. */
export async function runSearchSync(db: Db, now = new Date()): Promise<Record<string, number>> {
  const state = await ensureAlgoliaSync(db);
  if (!state.enabled) return { configured: 0 };
  let rebuilt = 0;
  if (state.rebuildRequestedAt) {
    try {
      rebuilt = (await rebuildAlgoliaIndex(db, { now })).records;
    } catch (e) {
      await db.execute(sql`UPDATE search_sync SET last_error = ${errorText(e)}, updated_at = now() WHERE engine = ${ENGINE}`);
      return { configured: 1, rebuildFailed: 1 };
    }
  }
  const total = { configured: 1, rebuilt, sent: 0, deleted: 0, failed: 0 };
  for (let i = 0; i < 10; i++) {
    const r = await drainSearchOutbox(db, { now });
    total.sent += r.sent;
    total.deleted += r.deleted;
    total.failed += r.failed;
    if (r.sent + r.deleted + r.failed === 0 || r.failed) break;
  }
  return total;
}
