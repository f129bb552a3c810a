// Thread entries (messages, responses, notes) and attachments with a deduplicated blob store.
import { boolean, index, integer, jsonb, pgEnum, pgTable, serial, text, uniqueIndex } from "drizzle-orm/pg-core";
import { entryTypes } from "../enums";
import { bytea, createdAt, tz, updatedAt } from "./columns";
import { users } from "./orgs";
import { staff } from "./staff";
import { ticketSource, tickets } from "./tickets";

export const entryType = pgEnum("entry_type", entryTypes);

export const threadEntries = pgTable(
  "thread_entries",
  {
    id: serial().primaryKey(),
    ticketId: integer()
      .notNull()
      .references(() => tickets.id, { onDelete: "cascade" }),
    type: entryType().notNull(),
    staffId: integer().references(() => staff.id, { onDelete: "set null" }),
    userId: integer().references(() => users.id, { onDelete: "set null" }),
    /** Display name and address of the poster as received (kept even if the user changes). */
    posterName: text(),
    posterEmail: text(),
    source: ticketSource(),
    /** Sanitized HTML; never rendered unsanitized. */
    bodyHtml: text().notNull().default(""),
    bodyText: text().notNull().default(""),
    /** Where quoted history starts in bodyText / bodyHtml (null: nothing quoted). */
    quoteStartText: integer(),
    quoteStartHtml: integer(),
    hasRemoteImages: boolean().notNull().default(false),
    isAutoReply: boolean().notNull().default(false),
    isBounce: boolean().notNull().default(false),
    /** Email threading headers, without angle brackets. */
    messageId: text(),
    inReplyTo: text(),
    references: text().array(),
    recipients: jsonb(),
    headers: jsonb(),
    mergedFromTicketId: integer().references(() => tickets.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    editedById: integer().references(() => staff.id, { onDelete: "set null" }),
  },
  (t) => [
    index("thread_entries_ticket_created_idx").on(t.ticketId, t.createdAt),
    uniqueIndex("thread_entries_message_id_idx").on(t.messageId),
  ],
);

/** File bytes, keyed by their sha256 so identical files are stored once. */
export const blobs = pgTable("blobs", {
  sha256: text().primaryKey(),
  size: integer().notNull(),
  data: bytea().notNull(),
  createdAt: createdAt(),
});

export const attachments = pgTable(
  "attachments",
  {
    id: serial().primaryKey(),
    ticketId: integer().references(() => tickets.id, { onDelete: "cascade" }),
    entryId: integer().references(() => threadEntries.id, { onDelete: "cascade" }),
    blobSha256: text()
      .notNull()
      .references(() => blobs.sha256),
    name: text().notNull(),
    contentType: text().notNull().default("application/octet-stream"),
    size: integer().notNull(),
    /** Content-ID without angle brackets, for inline images referenced as cid:. */
    contentId: text(),
    isInline: boolean().notNull().default(false),
    createdAt: createdAt(),
    deletedAt: tz(),
  },
  (t) => [
    index("attachments_entry_idx").on(t.entryId),
    index("attachments_ticket_idx").on(t.ticketId),
    index("attachments_blob_idx").on(t.blobSha256),
  ],
);
