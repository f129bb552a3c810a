// Sign-in throttling: failed attempts per account and per client address.
import { integer, pgTable, text } from "drizzle-orm/pg-core";
import { tz, updatedAt } from "./columns";

export const loginThrottle = pgTable("login_throttle", {
  /** "account:<lower-case email>" or "ip:<address>"; unknown emails are counted like known ones. */
  key: text().primaryKey(),
  failures: integer().notNull().default(0),
  /** Start of the current counting window; failures older than the window are forgotten. */
  windowStartedAt: tz().notNull().defaultNow(),
  lockedUntil: tz(),
  updatedAt: updatedAt(),
});
