// Drafts: what a staff member is writing in one place of the panel (a reply, a note, a new
// ticket), kept until it is sent or discarded; uploaded files wait in attachments rows that
// belong to no entry yet.
import { index, integer, pgTable, primaryKey, serial, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./columns";
import { staff } from "./staff";
import { attachments } from "./threads";
import { tickets } from "./tickets";

export const drafts = pgTable(
  "drafts",
  {
    id: serial().primaryKey(),
    staffId: integer()
      .notNull()
      .references(() => staff.id, { onDelete: "cascade" }),
    /** Where the draft belongs: "ticket.reply.<tid>", "ticket.note.<tid>", "ticket.new", ... */
    namespace: text().notNull(),
    /** Kept when the ticket is purged: the draft still expires and takes its files with it. */
    ticketId: integer().references(() => tickets.id, { onDelete: "set null" }),
    body: text().notNull().default(""),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("drafts_staff_namespace_idx").on(t.staffId, t.namespace), index("drafts_updated_idx").on(t.updatedAt)],
);

export const draftAttachments = pgTable(
  "draft_attachments",
  {
    draftId: integer()
      .notNull()
      .references(() => drafts.id, { onDelete: "cascade" }),
    attachmentId: integer()
      .notNull()
      .references(() => attachments.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.draftId, t.attachmentId] }), uniqueIndex("draft_attachments_attachment_idx").on(t.attachmentId)],
);
