// Inputs of staff management and of each staff member's own settings. Pure.
import { z } from "zod";
import { idSchema } from "@/lib/http/ids";
import { staffRoles } from "@/db/enums";

const id = idSchema;

export const staffIdParams = z.object({ id });

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const timezoneSchema = z.string().trim().min(1).max(64).refine(isTimeZone, "Unknown time zone (use an IANA name such as America/Chicago)");
export const passwordSchema = z.string().min(10, "At least 10 characters").max(200, "At most 200 characters");
const email = z.string().trim().toLowerCase().pipe(z.email("Not a valid email address")).pipe(z.string().max(320));
const phone = z.string().trim().regex(/^\+[1-9]\d{6,14}$/, "Use the international format, e.g. +15551234567");
const signature = z.string().max(5_000);
const name = z.string().trim().min(1, "Name is required").max(120);

export const createStaffSchema = z.object({
  email,
  name,
  role: z.enum(staffRoles).default("agent"),
  deptIds: z.array(id).max(100).default([]),
  primaryDeptId: id.nullable().optional(),
  teamIds: z.array(id).max(100).default([]),
  /** Without a password one is generated and returned once. */
  password: passwordSchema.optional(),
  phone: phone.nullable().optional(),
  timezone: timezoneSchema.default("America/Chicago"),
  signature: signature.default(""),
});
export type CreateStaffInput = z.infer<typeof createStaffSchema>;

export const updateStaffSchema = z
  .object({
    email,
    name,
    role: z.enum(staffRoles),
    deptIds: z.array(id).max(100),
    primaryDeptId: id.nullable(),
    teamIds: z.array(id).max(100),
    phone: phone.nullable(),
    timezone: timezoneSchema,
    signature,
    smsOptOut: z.boolean(),
    /** false deactivates: every session of the member ends at once. */
    isActive: z.boolean(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: "Nothing to change" });
export type UpdateStaffInput = z.infer<typeof updateStaffSchema>;

export const resetPasswordSchema = z.object({ password: passwordSchema.optional() }).default({});
export type ResetPasswordInput = z.infer<typeof resetPasswordSchema>;

export const changeOwnPasswordSchema = z
  .object({ currentPassword: z.string().min(1, "Enter your current password").max(1024), newPassword: passwordSchema })
  .refine((v) => v.currentPassword !== v.newPassword, { path: ["newPassword"], message: "Choose a password different from the current one" });
export type ChangeOwnPasswordInput = z.infer<typeof changeOwnPasswordSchema>;

export const updateProfileSchema = z
  .object({ name, signature, timezone: timezoneSchema, phone: phone.nullable(), smsOptOut: z.boolean() })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: "Nothing to change" });
export type UpdateProfileInput = z.infer<typeof updateProfileSchema>;

export const listStaffQuery = z.object({
  /** Only staff who work in this department (assignment pickers). */
  deptId: id.optional(),
  q: z.string().trim().max(100).optional(),
  /** Admins only: include deactivated staff. */
  includeInactive: z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1").optional(),
});
export type ListStaffQuery = z.infer<typeof listStaffQuery>;
