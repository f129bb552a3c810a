// Canned responses: inputs. Pure.
import { z } from "zod";
import { idSchema } from "@/lib/http/ids";

const id = idSchema;
export const cannedIdParams = z.object({ id });
export const cannedFormats = ["text", "html"] as const;

export const createCannedSchema = z.object({
  title: z.string().trim().min(1, "Title is required").max(200),
  body: z.string().min(1, "Body is required").max(100_000),
  format: z.enum(cannedFormats).default("text"),
  /** Null: available in every department (admins only). */
  deptId: id.nullable().default(null),
  isActive: z.boolean().default(true),
});
export type CreateCannedInput = z.infer<typeof createCannedSchema>;

export const updateCannedSchema = z
  .object({
    title: z.string().trim().min(1, "Title is required").max(200),
    body: z.string().min(1, "Body is required").max(100_000),
    format: z.enum(cannedFormats),
    deptId: id.nullable(),
    isActive: z.boolean(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: "Nothing to change" });
export type UpdateCannedInput = z.infer<typeof updateCannedSchema>;

export const listCannedQuery = z.object({
  /** Those of this department plus the global ones. */
  deptId: id.optional(),
  q: z.string().trim().max(100).optional(),
});
export type ListCannedQuery = z.infer<typeof listCannedQuery>;

export const renderCannedQuery = z.object({ tid: id });
