// Inputs of the admin pages for departments, teams, help topics, priorities and SLA plans.
// Pure: the panel's forms parse with the same schemas.
import { z } from "zod";
import { idSchema } from "@/lib/http/ids";

const id = idSchema;
const ref = id.nullable();
const name = z.string({ error: "Name is required" }).trim().min(1, "Name is required").max(100, "At most 100 characters");

export const catalogIdParams = z.object({ id });

/** An update must name at least one field. */
const someField = <T extends z.ZodRawShape>(shape: T) =>
  z
    .object(shape)
    .partial()
    .refine((v) => Object.keys(v).length > 0, { message: "Nothing to change" });

const department = {
  name,
  managerId: ref,
  slaId: ref,
  signature: z.string().max(5_000, "At most 5000 characters"),
  isActive: z.boolean(),
};
export const createDepartmentSchema = z.object({
  ...department,
  managerId: ref.default(null),
  slaId: ref.default(null),
  signature: department.signature.default(""),
  isActive: z.boolean().default(true),
});
export const updateDepartmentSchema = someField(department);
export type CreateDepartmentInput = z.infer<typeof createDepartmentSchema>;
export type UpdateDepartmentInput = z.infer<typeof updateDepartmentSchema>;

const team = {
  name,
  /** The lead is made a member when not one already. */
  leadId: ref,
  memberIds: z.array(id).max(500),
  isActive: z.boolean(),
};
export const createTeamSchema = z.object({ ...team, leadId: ref.default(null), memberIds: team.memberIds.default([]), isActive: z.boolean().default(true) });
export const updateTeamSchema = someField(team);
export type CreateTeamInput = z.infer<typeof createTeamSchema>;
export type UpdateTeamInput = z.infer<typeof updateTeamSchema>;

const topic = {
  name,
  deptId: ref,
  priorityId: ref,
  slaId: ref,
  docsRequired: z.boolean(),
  isActive: z.boolean(),
};
export const createTopicSchema = z.object({
  ...topic,
  deptId: ref.default(null),
  priorityId: ref.default(null),
  slaId: ref.default(null),
  docsRequired: z.boolean().default(false),
  isActive: z.boolean().default(true),
});
export const updateTopicSchema = someField(topic);
export type CreateTopicInput = z.infer<typeof createTopicSchema>;
export type UpdateTopicInput = z.infer<typeof updateTopicSchema>;

const priority = {
  name,
  /** 1 = lowest; lists sort by it. */
  urgency: z.coerce.number().int("A whole number").min(1, "At least 1").max(100, "At most 100"),
  color: z.string().trim().regex(/^#[0-9a-fA-F]{6}$/, "A colour like #2563eb"),
  /** Making one priority the default clears the flag on the others. */
  isDefault: z.boolean(),
  isActive: z.boolean(),
};
export const createPrioritySchema = z.object({ ...priority, color: priority.color.default("#64748b"), isDefault: z.boolean().default(false), isActive: z.boolean().default(true) });
export const updatePrioritySchema = someField(priority);
export type CreatePriorityInput = z.infer<typeof createPrioritySchema>;
export type UpdatePriorityInput = z.infer<typeof updatePrioritySchema>;

const sla = {
  name,
  graceHours: z.coerce.number().int("A whole number of hours").min(1, "At least 1 hour").max(8_760, "At most 8760 hours (a year)"),
  isActive: z.boolean(),
};
export const createSlaSchema = z.object({ ...sla, isActive: z.boolean().default(true) });
export const updateSlaSchema = someField(sla);
export type CreateSlaInput = z.infer<typeof createSlaSchema>;
export type UpdateSlaInput = z.infer<typeof updateSlaSchema>;
