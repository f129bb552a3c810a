// API keys for integrators. Only a hash of the key is stored.
import { boolean, integer, pgTable, serial, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, tz, updatedAt } from "./columns";
import { staff } from "./staff";

export const apiKeys = pgTable(
  "api_keys",
  {
    id: serial().primaryKey(),
    name: text().notNull(),
    /** First characters of the key, shown in lists and logs to identify it. */
    prefix: text().notNull(),
    /** sha256 of the full key (keys are high-entropy random, so a fast hash is enough). */
    keyHash: text().notNull(),
    /** IP addresses or CIDR ranges; empty means any address. */
    ipAllowList: text().array().notNull().default([]),
    canCreateTickets: boolean().notNull().default(true),
    canExecuteCron: boolean().notNull().default(true),
    isActive: boolean().notNull().default(true),
    /** Requests per minute; 0 means unlimited. */
    rateLimit: integer().notNull().default(120),
    lastUsedAt: tz(),
    lastUsedIp: text(),
    createdById: integer().references(() => staff.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("api_keys_hash_idx").on(t.keyHash)],
);
