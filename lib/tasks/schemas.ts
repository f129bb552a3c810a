// Inputs of tasks: create, edit, assign, transfer, close/reopen, notes, the list's filters. Pure.
import { z } from "zod";
import { idSchema } from "@/lib/http/ids";
import { taskStatuses } from "@/db/enums";
import { assigneeRef } from "@/lib/tickets/schemas";

const id = idSchema;
export const taskIdParams = z.object({ id });

const expectedVersion = z.number().int().positive().optional();
const comment = z.string().trim().max(20_000).optional();
const title = z.string({ error: "Title is required" }).transform((s) => s.replace(/\s+/g, " ").trim()).pipe(z.string().min(1, "Title is required").max(255, "At most 255 characters"));
const description = z.string().max(100_000, "At most 100,000 characters");
const dueAt = z.iso.datetime({ offset: true, error: "Use an ISO date-time with offset, e.g. 2025-03-31T17:00:00Z" }).transform((v) => new Date(v));

export const createTaskSchema = z.object({
  title,
  description: description.default(""),
  ticketId: id.nullable().optional(),
  deptId: id,
  /** "s<staffId>" or "t<teamId>" (a bare number is a staff id). */
  assignee: assigneeRef.nullable().optional(),
  dueAt: dueAt.nullable().optional(),
});
export type CreateTaskInput = z.infer<typeof createTaskSchema>;

export const updateTaskSchema = z
  .object({ title, description, ticketId: id.nullable(), dueAt: dueAt.nullable(), expectedVersion })
  .partial()
  .refine((v) => Object.keys(v).some((k) => k !== "expectedVersion"), { message: "Nothing to change" });
export type UpdateTaskInput = z.infer<typeof updateTaskSchema>;

/** null unassigns (staff and team). */
export const assignTaskSchema = z.object({ assignee: assigneeRef.nullable(), comment, expectedVersion });
export type AssignTaskInput = z.infer<typeof assignTaskSchema>;

export const transferTaskSchema = z.object({ deptId: id, comment, expectedVersion });
export type TransferTaskInput = z.infer<typeof transferTaskSchema>;

export const closeTaskSchema = z.object({ comment, expectedVersion }).optional().default({});
export type CloseTaskInput = z.infer<typeof closeTaskSchema>;

export const taskNoteSchema = z.object({
  body: z.string({ error: "Write a note" }).max(500_000, "The note is too long").refine((s) => s.trim().length > 0, "Write a note"),
  format: z.enum(["text", "html"]).default("text"),
});
export type TaskNoteInput = z.infer<typeof taskNoteSchema>;

/** A query value given once, repeated (?a=1&a=2) or comma separated (?a=1,2). */
const list = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (v) => (v === undefined || v === "" ? undefined : (Array.isArray(v) ? v : [v]).flatMap((x) => String(x).split(",")).map((x) => x.trim()).filter(Boolean)),
    z.array(item).max(100, "At most 100 values").optional(),
  );
const when = z.union([z.iso.datetime({ offset: true }), z.iso.date()], { error: "Use an ISO date (2025-03-31) or date-time with offset" });
/** me, none (no staff and no team), s<staffId>, t<teamId>; a bare number is a staff id. */
const assigneeFilter = z
  .string()
  .trim()
  .toLowerCase()
  .transform((v) => (/^\d+$/.test(v) ? `s${v}` : v))
  .refine((v) => /^(me|none|[st][1-9]\d{0,9})$/.test(v), "Use me, none, s<staffId> or t<teamId>");

export const taskSorts = ["created", "updated", "due"] as const;
export const listTasksQuery = z.object({
  status: list(z.enum(taskStatuses, { error: `Use ${taskStatuses.join(" or ")}` })),
  deptId: list(id),
  assignee: list(assigneeFilter),
  ticketId: id.optional(),
  dueFrom: when.optional(),
  /** A bare date includes that whole day (UTC). */
  dueTo: when.optional(),
  /** Title contains (case-insensitive). */
  q: z.string().trim().max(200, "At most 200 characters").optional(),
  /** created: newest first; updated: last changed first; due: soonest first, undated last. */
  sort: z.enum(taskSorts, { error: `Use ${taskSorts.join(", ")}` }).default("created"),
  cursor: z.string().trim().max(500).optional(),
  limit: z.coerce.number({ error: "Must be a number" }).int("Must be a whole number").min(1, "At least 1").max(100, "At most 100").default(25),
});
export type ListTasksQuery = z.infer<typeof listTasksQuery>;
