// Saved searches ("queues") made by staff; the system queues live in code (lib/queues/system.ts).
import { boolean, index, integer, jsonb, pgTable, serial, text } from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./columns";
import { staff } from "./staff";

export const queues = pgTable(
  "queues",
  {
    id: serial().primaryKey(),
    name: text().notNull(),
    ownerId: integer()
      .notNull()
      .references(() => staff.id, { onDelete: "cascade" }),
    /** Shared queues are listed for every staff member (each sees only tickets in their scope). */
    isShared: boolean().notNull().default(false),
    /** Ticket criteria as parsed by lib/search/criteria.ts (sort and order included). */
    criteria: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    columns: jsonb().$type<string[]>().notNull().default([]),
    position: integer().notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("queues_owner_idx").on(t.ownerId), index("queues_shared_idx").on(t.isShared)],
);
