// How tickets relate after a merge or link. tickets.merged_into_id says where a child went;
// this table also remembers the merge mode (which decides how the parent shows the thread) and
// plain links, which merge nothing.
import { index, integer, pgEnum, pgTable, serial, uniqueIndex } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { createdAt } from "./columns";
import { staff } from "./staff";
import { tickets } from "./tickets";

export const ticketLinkKind = pgEnum("ticket_link_kind", ["combine", "separate", "link"]);

export const ticketLinks = pgTable(
  "ticket_links",
  {
    id: serial().primaryKey(),
    parentId: integer()
      .notNull()
      .references(() => tickets.id, { onDelete: "cascade" }),
    childId: integer()
      .notNull()
      .references(() => tickets.id, { onDelete: "cascade" }),
    kind: ticketLinkKind().notNull(),
    staffId: integer().references(() => staff.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("ticket_links_pair_idx").on(t.parentId, t.childId),
    // A ticket is merged into at most one parent (plain links may repeat).
    uniqueIndex("ticket_links_merged_child_idx").on(t.childId).where(sql`${t.kind} <> 'link'`),
    index("ticket_links_child_idx").on(t.childId),
  ],
);
