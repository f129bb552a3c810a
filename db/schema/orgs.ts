// Clients: organizations and their users.
import { boolean, index, integer, numeric, pgTable, serial, text, uniqueIndex } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { createdAt, updatedAt } from "./columns";
import { staff } from "./staff";

export const organizations = pgTable(
  "organizations",
  {
    id: serial().primaryKey(),
    name: text().notNull(),
    /** Lower-case email domains; a new user from one of them joins automatically. */
    domains: text().array().notNull().default(sql`'{}'::text[]`),
    accountPmId: integer().references(() => staff.id, { onDelete: "set null" }),
    docsRequired: boolean().notNull().default(false),
    harvestProjectId: text(),
    budgetHours: numeric({ precision: 10, scale: 2, mode: "number" }),
    quotedHours: numeric({ precision: 10, scale: 2, mode: "number" }),
    notes: text().notNull().default(""),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("organizations_name_idx").on(sql`lower(${t.name})`),
    index("organizations_domains_idx").using("gin", t.domains),
  ],
);

export const users = pgTable(
  "users",
  {
    id: serial().primaryKey(),
    email: text().notNull(),
    name: text().notNull(),
    phone: text(),
    orgId: integer().references(() => organizations.id, { onDelete: "set null" }),
    notes: text().notNull().default(""),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("users_email_idx").on(sql`lower(${t.email})`),
    index("users_org_idx").on(t.orgId),
    // User search (prefix, case-insensitive): "C" ordering lets LIKE 'abc%' and ORDER BY use the
    // index whatever the database's collation. Names match on their start and on their last word
    // (surnames) through btrees read in order; the GIN index finds a prefix of any other word.
    index("users_email_prefix_idx").on(sql`lower(${t.email}) COLLATE "C"`),
    index("users_name_prefix_idx").on(sql`lower(${t.name}) COLLATE "C"`),
    index("users_name_last_word_idx").on(sql`regexp_replace(lower(${t.name}), '^.*[[:space:]]', '') COLLATE "C"`),
    index("users_name_words_idx").using("gin", sql`to_tsvector('simple', ${t.name})`),
    index("users_org_name_idx").on(t.orgId, sql`lower(${t.name}) COLLATE "C"`, t.id),
  ],
);
