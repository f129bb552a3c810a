// Outbound mail: every message the system sends is a row, sent or not.
import { index, integer, jsonb, pgEnum, pgTable, serial, smallint, text, uniqueIndex } from "drizzle-orm/pg-core";
import { mailKinds, mailStatuses } from "../enums";
import { createdAt, tz, updatedAt } from "./columns";
import { threadEntries } from "./threads";
import { tickets } from "./tickets";

export const mailStatus = pgEnum("mail_status", mailStatuses);
export const mailKind = pgEnum("mail_kind", mailKinds);

export const outboundMail = pgTable(
  "outbound_mail",
  {
    id: serial().primaryKey(),
    kind: mailKind().notNull(),
    status: mailStatus().notNull().default("queued"),
    ticketId: integer().references(() => tickets.id, { onDelete: "set null" }),
    entryId: integer().references(() => threadEntries.id, { onDelete: "set null" }),
    fromAddress: text().notNull(),
    to: text().array().notNull(),
    cc: text().array().notNull().default([]),
    subject: text().notNull(),
    bodyText: text().notNull(),
    bodyHtml: text(),
    /** Without angle brackets. Signed so a reply can be traced to its ticket. */
    messageId: text().notNull(),
    inReplyTo: text(),
    references: text().array(),
    headers: jsonb().$type<Record<string, string>>().notNull().default({}),
    attachmentIds: integer().array().notNull().default([]),
    attempts: smallint().notNull().default(0),
    lastError: text(),
    nextAttemptAt: tz(),
    sentAt: tz(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("outbound_mail_message_id_idx").on(t.messageId),
    index("outbound_mail_status_next_idx").on(t.status, t.nextAttemptAt),
    index("outbound_mail_ticket_idx").on(t.ticketId),
  ],
);
