// Inputs of saved queues. Pure: the criteria are the search schema's, so a queue saved from the
// panel, a panel URL and an export mean the same tickets.
import { z } from "zod";
import { idSchema } from "@/lib/http/ids";
import { criteriaSchema } from "@/lib/search/criteria";

/** Columns a queue shows (the panel's ticket table). */
export const queueColumns = [
  "number",
  "subject",
  "from",
  "organization",
  "priority",
  "urgency",
  "department",
  "topic",
  "status",
  "assignee",
  "source",
  "created",
  "updated",
  "due",
  "lastMessage",
  "lastResponse",
  "overdue",
  "answered",
] as const;
export type QueueColumn = (typeof queueColumns)[number];
/** What a queue shows unless it names its columns (the panel adds AI urgency when a ticket on the page has one). */
export const defaultColumns: QueueColumn[] = ["number", "subject", "from", "organization", "department", "priority", "status", "assignee", "updated", "due"];

export const systemQueueSlugs = ["open", "mine", "team", "unassigned", "overdue", "answered", "closed", "escalated", "docs-required"] as const;
export type SystemQueueSlug = (typeof systemQueueSlugs)[number];

/** A system queue's slug, or a saved queue's numeric id. */
export const queueIdParams = z.object({
  id: z.union([z.enum(systemQueueSlugs), idSchema]),
});
export type QueueId = z.output<typeof queueIdParams>["id"];

const columns = z
  .array(z.enum(queueColumns, { error: `must be one of ${queueColumns.join(", ")}` }))
  .min(1, "Show at least one column")
  .max(queueColumns.length)
  .refine((c) => new Set(c).size === c.length, "A column is listed twice");

export const createQueueSchema = z.strictObject({
  name: z.string().trim().min(1, "Name is required").max(80, "At most 80 characters"),
  criteria: criteriaSchema.default({}),
  columns: columns.default(defaultColumns),
  /** Shared queues are listed for every staff member; each sees only tickets in their own scope. */
  shared: z.boolean({ error: "must be true or false" }).default(false),
  position: z.number().int().min(0).max(10_000).optional(),
});
export type CreateQueueInput = z.output<typeof createQueueSchema>;

export const updateQueueSchema = z
  .strictObject({
    name: z.string().trim().min(1, "Name is required").max(80, "At most 80 characters").optional(),
    criteria: criteriaSchema.optional(),
    columns: columns.optional(),
    shared: z.boolean({ error: "must be true or false" }).optional(),
    position: z.number().int().min(0).max(10_000).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: "Nothing to change" });
export type UpdateQueueInput = z.output<typeof updateQueueSchema>;
