// The audit log: every change records who, what, when, before and after.
import { bigserial, index, integer, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";
import { users } from "./orgs";
import { staff } from "./staff";
import { tickets } from "./tickets";

export const events = pgTable(
  "events",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    /** What was changed: "ticket", "user", "staff", "api_key", "settings", ... */
    entityType: text().notNull(),
    entityId: integer(),
    ticketId: integer().references(() => tickets.id, { onDelete: "cascade" }),
    action: text().notNull(),
    staffId: integer().references(() => staff.id, { onDelete: "set null" }),
    userId: integer().references(() => users.id, { onDelete: "set null" }),
    /** Who acted when it was not a person: "system", "api:<prefix>", "cron:<job>", "email". */
    actor: text(),
    before: jsonb(),
    after: jsonb(),
    data: jsonb(),
    createdAt: createdAt(),
  },
  (t) => [
    index("events_ticket_idx").on(t.ticketId, t.createdAt),
    index("events_entity_idx").on(t.entityType, t.entityId),
  ],
);
