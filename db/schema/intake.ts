// Intake bookkeeping: every inbound email with its outcome, and the per-address log of automatic
// mail that enforces the automatic-mail rate limit.
import { bigserial, index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";
import { outboundMail } from "./mail";
import { threadEntries } from "./threads";
import { tickets } from "./tickets";

/** One row per inbound message handled by the pipeline, whatever happened to it. */
export const inboundMessages = pgTable(
  "inbound_messages",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    /** Without angle brackets; synthetic when the message had none; null when unparseable. */
    messageId: text(),
    /** "api" (tickets.email), "webhook", "pipe". */
    door: text().notNull(),
    /** created | appended | duplicate | autoreply | refused */
    outcome: text().notNull(),
    /** Why: the rule that decided (e.g. "in-reply-to", "subject-tag", "banned", "loop-guard"). */
    reason: text().notNull(),
    sender: text(),
    subject: text(),
    sizeBytes: integer().notNull().default(0),
    ticketId: integer().references(() => tickets.id, { onDelete: "set null" }),
    entryId: integer().references(() => threadEntries.id, { onDelete: "set null" }),
    /** Raw message kept in the blob store when it produced no entry (refused), so nothing is lost. */
    rawSha256: text(),
    createdAt: createdAt(),
  },
  (t) => [
    index("inbound_messages_message_id_idx").on(t.messageId),
    index("inbound_messages_sender_created_idx").on(t.sender, t.createdAt),
    index("inbound_messages_created_idx").on(t.createdAt),
  ],
);

/** Recipients of automatic mail (auto-responses, alerts), for the per-address hourly limit. */
export const autoMailLog = pgTable(
  "auto_mail_log",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    address: text().notNull(),
    mailId: integer().references(() => outboundMail.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [index("auto_mail_log_address_created_idx").on(t.address, t.createdAt)],
);
