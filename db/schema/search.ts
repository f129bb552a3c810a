// Search: one weighted full-text document per ticket, the delta-summed ticket counts behind
// queue counters, and the outbox that carries ticket changes to a hosted index (Algolia).
import { bigserial, boolean, customType, index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { createdAt, tz } from "./columns";
import { ticketStatus, tickets } from "./tickets";

/** PostgreSQL's tsvector; written and read through SQL only (to_tsvector, @@). */
export const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/**
 * The search document: subject and number (weight A), requester and organization (B), AI
 * summary (C), thread bodies (D). Kept current by lib/search in the transaction of each write
 * that changes that text. CJK runs arrive as overlapping character pairs (lib/search/text.ts).
 */
export const ticketSearch = pgTable(
  "ticket_search",
  {
    ticketId: integer()
      .primaryKey()
      .references(() => tickets.id, { onDelete: "cascade" }),
    doc: tsvector().notNull(),
    indexedAt: tz().notNull().defaultNow(),
  },
  (t) => [index("ticket_search_doc_idx").using("gin", t.doc)],
);

/**
 * Ticket counts by the dimensions system queues filter on, as signed deltas written by a
 * trigger on tickets (migration 0004) and summed on read; the compact-ticket-counts job folds
 * the deltas. Counting a million tickets this way reads a few thousand rows.
 */
export const ticketCounts = pgTable("ticket_counts", {
  deptId: integer().notNull(),
  staffId: integer(),
  teamId: integer(),
  status: ticketStatus().notNull(),
  isOverdue: boolean().notNull(),
  isAnswered: boolean().notNull(),
  isEscalated: boolean().notNull().default(false),
  docsRequired: boolean().notNull(),
  docsAcknowledged: boolean().notNull(),
  n: integer().notNull(),
});

/**
 * Tickets whose hosted-index record is out of date, written by a trigger on tickets and
 * ticket_search in the same transaction as the change (only while a hosted engine is enabled
 * in search_sync). Drained with retry and backoff; a row leaves only once the index took it.
 */
export const searchOutbox = pgTable(
  "search_outbox",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    /** No foreign key: a purged ticket still has to leave the index. */
    ticketId: integer().notNull(),
    attempts: integer().notNull().default(0),
    availableAt: tz().notNull().defaultNow(),
    lastError: text(),
    createdAt: createdAt(),
  },
  (t) => [index("search_outbox_available_idx").on(t.availableAt, t.id)],
);

/** One row per hosted engine: whether changes are queued for it and which index is live. */
export const searchSync = pgTable("search_sync", {
  engine: text().primaryKey(),
  enabled: boolean().notNull().default(false),
  indexName: text(),
  rebuiltAt: tz(),
  /** Set when a full rebuild is wanted (first enable, or by hand); the drain job runs it. */
  rebuildRequestedAt: tz(),
  lastError: text(),
  updatedAt: tz().notNull().defaultNow(),
});
