// Inputs of users (the clients who open tickets): create, edit, delete, search. Pure.
import { z } from "zod";
import { idSchema } from "@/lib/http/ids";

const id = idSchema;
export const userIdParams = z.object({ id });
export { directorySearchQuery as userSearchQuery, pageQuery as listUsersQuery } from "@/lib/orgs/schemas";

const email = z.string({ error: "Email is required" }).trim().toLowerCase().pipe(z.email("Not a valid email address")).pipe(z.string().max(320, "At most 320 characters"));
const name = z.string({ error: "Name is required" }).trim().min(1, "Name is required").max(200, "At most 200 characters");
const phone = z
  .string()
  .trim()
  .max(50, "At most 50 characters")
  .transform((v) => v || null)
  .nullable();
const notes = z.string().max(20_000, "At most 20,000 characters");

export const createUserSchema = z.object({
  name,
  email,
  phone: phone.optional(),
  /** Absent: joins the organization of the email's domain, if any. Null: no organization. */
  orgId: id.nullable().optional(),
  notes: notes.default(""),
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const updateUserSchema = z
  .object({ name, email, phone, orgId: id.nullable(), notes })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: "Nothing to change" });
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const deleteUserQuery = z.object({
  /** "delete": also delete every ticket the user owns (admins only). */
  tickets: z.enum(["delete"], { error: 'Only "delete" is accepted' }).optional(),
});
export type DeleteUserQuery = z.infer<typeof deleteUserQuery>;
