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
  ],
);
