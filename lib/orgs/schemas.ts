// Inputs of organizations: create, edit, search, members. Pure (zod only) so forms reuse them.
import { z } from "zod";
import { idSchema } from "@/lib/http/ids";

const id = idSchema;
export const orgIdParams = z.object({ id });

/** Directory searches (users, organizations): at least two characters, prefix match. */
export const directorySearchQuery = z.object({
  q: z.string({ error: "Type at least 2 characters" }).trim().min(2, "Type at least 2 characters").max(100, "At most 100 characters"),
});
export type DirectorySearchQuery = z.infer<typeof directorySearchQuery>;

const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;
const domain = z
  .string()
  .trim()
  .toLowerCase()
  .transform((d) => d.replace(/^@/, ""))
  .refine((d) => DOMAIN.test(d), "Not a domain name (e.g. example.com)");
const domains = z
  .array(domain)
  .max(50, "At most 50 domains")
  .transform((list) => [...new Set(list)]);
const hours = z.number().min(0, "Cannot be negative").max(99_999_999, "Too large").nullable();

const fields = {
  name: z.string({ error: "Name is required" }).trim().min(1, "Name is required").max(200, "At most 200 characters"),
  domains,
  /** The account PM: a manager or admin. */
  accountPmId: id.nullable(),
  docsRequired: z.boolean(),
  harvestProjectId: z.string().trim().max(64, "At most 64 characters").nullable(),
  budgetHours: hours,
  quotedHours: hours,
  notes: z.string().max(20_000, "At most 20,000 characters"),
};

export const createOrgSchema = z.object({
  name: fields.name,
  domains: fields.domains.default([]),
  accountPmId: fields.accountPmId.optional(),
  docsRequired: fields.docsRequired.default(false),
  harvestProjectId: fields.harvestProjectId.optional(),
  budgetHours: fields.budgetHours.optional(),
  quotedHours: fields.quotedHours.optional(),
  notes: fields.notes.default(""),
});
export type CreateOrgInput = z.infer<typeof createOrgSchema>;

export const updateOrgSchema = z
  .object(fields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: "Nothing to change" });
export type UpdateOrgInput = z.infer<typeof updateOrgSchema>;

/** Keyset pages: the previous page's nextCursor and a page size. */
export const pageQuery = z.object({
  cursor: z.string().trim().max(500).optional(),
  limit: z.coerce.number({ error: "Must be a number" }).int("Must be a whole number").min(1, "At least 1").max(100, "At most 100").default(25),
});
export type PageQuery = z.infer<typeof pageQuery>;
