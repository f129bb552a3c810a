import { customType, timestamp } from "drizzle-orm/pg-core";

/** Timestamps are always stored in UTC with a time zone. */
export const tz = () => timestamp({ withTimezone: true, mode: "date" });
export const createdAt = () => tz().notNull().defaultNow();
export const updatedAt = () =>
  tz()
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());

/** Raw bytes (attachments). Drivers hand back Buffer or Uint8Array; we normalise to Buffer. */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
  toDriver: (value) => value,
});
