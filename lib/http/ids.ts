// Ids in paths, queries and bodies. Pure zod. Database ids are PostgreSQL integers, so anything
// past 2^31-1 cannot exist: rejecting it here gives a 400 (or 404 for a path) instead of a
// database error. Strings must be plain digits ("1e3", "0x10" and " 7 " are not ids); "-1" and
// "1.5" read as numbers so the answer says what is wrong with them.
import { z } from "zod";

export const MAX_DB_ID = 2_147_483_647;

export const idSchema = z.preprocess(
  (v) => (typeof v === "string" && /^-?\d{1,12}(\.\d{1,12})?$/.test(v) ? Number(v) : v),
  z
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .positive("must be a positive id")
    .max(MAX_DB_ID, "no such id (too large)"),
);
