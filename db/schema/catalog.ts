// Help topics, priorities and SLA plans: how new tickets are classified.
import { boolean, integer, pgTable, serial, smallint, text, uniqueIndex } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { createdAt, updatedAt } from "./columns";
import { departments } from "./staff";

export const slaPlans = pgTable(
  "sla_plans",
  {
    id: serial().primaryKey(),
    name: text().notNull(),
    graceHours: integer().notNull(),
    isActive: boolean().notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("sla_plans_name_idx").on(sql`lower(${t.name})`)],
);

export const priorities = pgTable(
  "priorities",
  {
    id: serial().primaryKey(),
    name: text().notNull(),
    /** 1 = lowest; sorting by priority uses this, not the id. */
    urgency: smallint().notNull(),
    color: text().notNull().default("#64748b"),
    isDefault: boolean().notNull().default(false),
    isActive: boolean().notNull().default(true),
  },
  (t) => [uniqueIndex("priorities_name_idx").on(sql`lower(${t.name})`)],
);

export const helpTopics = pgTable(
  "help_topics",
  {
    id: serial().primaryKey(),
    name: text().notNull(),
    deptId: integer().references(() => departments.id, { onDelete: "set null" }),
    priorityId: integer().references(() => priorities.id, { onDelete: "set null" }),
    slaId: integer().references(() => slaPlans.id, { onDelete: "set null" }),
    docsRequired: boolean().notNull().default(false),
    isActive: boolean().notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("help_topics_name_idx").on(sql`lower(${t.name})`)],
);
