// Inputs of the staff ticket operations. Pure (zod and enums only) so forms can reuse them.
import { z } from "zod";
import { MAX_DB_ID, idSchema } from "@/lib/http/ids";
import { ticketStatuses } from "@/db/enums";
import { criteriaSchema } from "@/lib/search/criteria";

const id = idSchema;
export const tidParams = z.object({ tid: id });

/** Optimistic concurrency: the version the client last saw (also accepted as If-Match). */
const expectedVersion = z.number().int().positive().max(MAX_DB_ID).optional();
const comment = z.string().trim().max(20_000).optional();

/** Statuses staff set directly; "deleted" has its own endpoint. */
export const settableStatuses = ticketStatuses.filter((s) => s !== "deleted") as [
  "open",
  "awaiting_client",
  "resolved",
  "closed",
  "archived",
];
export const closedChildStatuses = ["resolved", "closed", "archived"] as const;

export const statusChangeSchema = z.object({
  status: z.enum(settableStatuses),
  comment,
  /** Apply the same change to tickets merged into this one. */
  children: z.boolean().optional(),
  /** Close the ticket's open tasks with it (otherwise they block closing: 409). */
  closeTasks: z.boolean().optional(),
  expectedVersion,
});
export type StatusChangeInput = z.infer<typeof statusChangeSchema>;

/** "s12" (staff), "t3" (team) or a bare staff id. */
export const assigneeRef = z
  .union([z.number().int().positive(), z.string().trim().regex(/^[st]?\d{1,9}$/, 'Use "s<staffId>" or "t<teamId>"')])
  .transform((v) => {
    const s = String(v);
    return { kind: s.startsWith("t") ? ("team" as const) : ("staff" as const), id: Number(s.replace(/^[st]/, "")) };
  });
export type AssigneeRef = z.output<typeof assigneeRef>;

export const assignSchema = z.object({ assignee: assigneeRef, comment, expectedVersion });
export type AssignInput = z.infer<typeof assignSchema>;

export const claimSchema = z.object({ comment, expectedVersion });
export type ClaimInput = z.infer<typeof claimSchema>;

export const releaseSchema = z
  .object({ staff: z.boolean().optional(), team: z.boolean().optional(), comment, expectedVersion })
  .transform((v) => ({ ...v, staff: v.staff ?? v.team === undefined, team: v.team ?? v.staff === undefined }));
export type ReleaseInput = z.infer<typeof releaseSchema>;

export const transferSchema = z.object({ deptId: id, comment, refer: z.boolean().optional(), expectedVersion });
export type TransferInput = z.infer<typeof transferSchema>;

/** "s<id>" staff, "t<id>" team, "d<id>" department. */
export const referralTarget = z
  .string()
  .trim()
  .regex(/^[std]\d{1,9}$/, 'Use "s<staffId>", "t<teamId>" or "d<deptId>"')
  .transform((v) => ({ kind: ({ s: "staff", t: "team", d: "department" } as const)[v[0] as "s" | "t" | "d"], id: Number(v.slice(1)) }));
export type ReferralTarget = z.output<typeof referralTarget>;

export const referSchema = z.object({ to: referralTarget, comment });
export type ReferInput = z.infer<typeof referSchema>;
export const unreferQuerySchema = z.object({ to: referralTarget.optional() });

export const mergeModes = ["combine", "separate", "link"] as const;
export const mergeOptions = z.object({
  mode: z.enum(mergeModes).default("combine"),
  childStatus: z.enum(closedChildStatuses).default("closed"),
  /** "user": children's owners become collaborators of the parent; "all": their collaborators too. */
  participants: z.enum(["user", "all"]).default("user"),
});
export const mergeSchema = mergeOptions.extend({
  tids: z.array(id).min(1, "Name at least one ticket to merge").max(500),
  expectedVersion,
});
export type MergeInput = z.infer<typeof mergeSchema>;

export const editTicketSchema = z
  .object({
    subject: z.string().trim().min(1, "Subject is required").max(255, "Subject is at most 255 characters").optional(),
    priorityId: id.optional(),
    topicId: id.nullable().optional(),
    dueAt: z.iso.datetime({ offset: true }).nullable().optional(),
    /** Change the requester to another (existing) user. */
    userId: id.optional(),
    collaborators: z
      .object({
        add: z.array(id).max(100).optional(),
        remove: z.array(id).max(100).optional(),
        activate: z.array(id).max(100).optional(),
        deactivate: z.array(id).max(100).optional(),
      })
      .optional(),
    docsRequired: z.boolean().optional(),
    expectedVersion,
  })
  .refine((v) => Object.keys(v).some((k) => k !== "expectedVersion"), { message: "Nothing to change" });
export type EditTicketInput = z.infer<typeof editTicketSchema>;

export const versionOnlySchema = z.object({ expectedVersion }).optional().default({});

export const massActions = ["status", "assign", "release", "transfer", "claim", "merge", "link", "delete"] as const;
const tids = z.array(id).min(1, "Select at least one ticket").max(500, "At most 500 tickets at a time");
export const massSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("status"), tids, status: z.enum(settableStatuses), comment, closeTasks: z.boolean().optional() }),
  z.object({ action: z.literal("assign"), tids, assignee: assigneeRef, comment }),
  z.object({ action: z.literal("release"), tids, staff: z.boolean().optional(), team: z.boolean().optional(), comment }),
  z.object({ action: z.literal("transfer"), tids, deptId: id, refer: z.boolean().optional(), comment }),
  z.object({ action: z.literal("claim"), tids }),
  z.object({ action: z.literal("merge"), tids: tids.min(2, "Select at least two tickets"), parent: id.optional() }).merge(mergeOptions.omit({ mode: true })).extend({
    mode: z.enum(["combine", "separate"]).default("combine"),
  }),
  z.object({ action: z.literal("link"), tids: tids.min(2, "Select at least two tickets"), parent: id.optional() }),
  z.object({ action: z.literal("delete"), tids }),
]);
export type MassInput = z.infer<typeof massSchema>;

// ---- export ---------------------------------------------------------------------------------
// The filters are the search criteria (lib/search/criteria.ts), one schema for search, queues,
// panel URLs and export.

export const exportColumnKeys = [
  "number",
  "created",
  "subject",
  "from",
  "email",
  "organization",
  "priority",
  "department",
  "topic",
  "source",
  "status",
  "updated",
  "due",
  "closed",
  "overdue",
  "answered",
  "assignee",
  "team",
  "threadCount",
  "attachmentCount",
  "lastMessage",
  "lastResponse",
  "message",
] as const;
export type ExportColumn = (typeof exportColumnKeys)[number];

/** A query value given once, repeated (?a=1&a=2) or comma separated (?a=1,2). */
const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined ? undefined : (Array.isArray(v) ? v : [v]).flatMap((x) => String(x).split(",")).filter(Boolean)), z.array(item).optional());

export const exportQuerySchema = criteriaSchema.extend({
  /** A queue (system slug or saved id) whose criteria apply; criteria given as well replace its keys. Names the file: <queue>-YYYYMMDD.csv. */
  queue: z.string().trim().regex(/^[A-Za-z0-9_-]{1,60}$/, "a queue id: letters, digits, - and _ only").optional(),
  columns: list(z.enum(exportColumnKeys, { error: `must be one of ${exportColumnKeys.join(", ")}` })).refine((c) => !c || new Set(c).size === c.length, "A column is listed twice"),
  /** Only these tickets (a selection in the panel), still within the criteria and scope. */
  tids: list(id).refine((v) => !v || v.length <= 1000, "at most 1000 tickets"),
});
export type ExportQuery = z.infer<typeof exportQuerySchema>;

// ---- replies, notes, tickets opened by staff -----------------------------------------------
// These also arrive as multipart forms (with files), where every field is a string.

const boolish = z.union([z.boolean(), z.enum(["true", "false", "1", "0", "on", "off"]).transform((v) => ["true", "1", "on"].includes(v))]);
const jsonish = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => {
    if (typeof v !== "string") return v;
    try {
      return JSON.parse(v);
    } catch {
      return v;
    }
  }, schema);
const entryText = z.string({ error: "Write a message" }).max(500_000, "The message is too long").refine((s) => s.trim().length > 0, "Write a message");

export const replySchema = z.object({
  body: entryText,
  format: z.enum(["text", "html"]).default("text"),
  /** Who gets the mail: the requester and all, none or some of the active collaborators. */
  recipients: jsonish(
    z.object({
      user: boolish.default(true),
      collaborators: z.union([z.literal("all"), z.literal("none"), z.array(id).max(100)]).default("all"),
    }),
  ).default({ user: true, collaborators: "all" }),
  /** Append the staff member's and the department's signature. */
  signature: boolish.default(true),
  /** Status to set with the reply, e.g. awaiting_client. */
  status: z.enum(settableStatuses).optional(),
  /** With a closing status: close the ticket's open tasks too. */
  closeTasks: boolish.optional(),
  /** Files uploaded to the caller's drafts (POST /draft/{id}/attachments) to send with the entry. */
  attachmentIds: jsonish(z.array(id).max(100)).optional(),
  expectedVersion: z.coerce.number().int().positive().max(MAX_DB_ID).optional(),
});
export type ReplyInput = z.infer<typeof replySchema>;

export const noteSchema = z.object({
  body: entryText,
  format: z.enum(["text", "html"]).default("text"),
  status: z.enum(settableStatuses).optional(),
  closeTasks: boolish.optional(),
  attachmentIds: jsonish(z.array(id).max(100)).optional(),
  expectedVersion: z.coerce.number().int().positive().max(MAX_DB_ID).optional(),
});
export type NoteInput = z.infer<typeof noteSchema>;

/** POST /tickets: staff open a ticket on behalf of a user (new or existing, by email). */
export const staffOpenTicketSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("Not a valid email address")),
  name: z.string().trim().max(200).optional(),
  phone: z.string().trim().max(50).optional(),
  subject: z.string().transform((s) => s.replace(/\s+/g, " ").trim()).pipe(z.string().min(1, "Subject is required").max(255, "Subject is at most 255 characters")),
  message: entryText,
  format: z.enum(["text", "html"]).default("text"),
  source: z.enum(["phone", "web", "staff"]).default("staff"),
  deptId: id.optional(),
  topicId: id.optional(),
  priorityId: id.optional(),
  dueAt: z.iso.datetime({ offset: true }).transform((v) => new Date(v)).optional(),
  collaborators: jsonish(z.array(z.object({ email: z.string().trim().toLowerCase().pipe(z.email()), name: z.string().max(200).optional() })).max(50)).default([]),
  internalNote: z.string().max(100_000).optional(),
  /** Send the user the usual new-ticket auto-response. */
  autorespond: boolish.default(true),
  assignToMe: boolish.default(false),
});
export type StaffOpenTicketInput = z.infer<typeof staffOpenTicketSchema>;

// ---- panel lookups ---------------------------------------------------------------------------

export const ticketNumberQuery = z.object({ number: z.string({ error: "Give the ticket number as ?number=, e.g. ?number=100042" }).trim().regex(/^[A-Za-z0-9-]{1,32}$/, "Not a ticket number") });
export const ticketVersionQuery = z.object({ since: z.iso.datetime({ offset: true }).transform((v) => new Date(v)).optional() });
