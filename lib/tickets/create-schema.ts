// Input of createTicket for forms and the staff API (the external API has its own parser in
// lib/intake that produces the same shape). Pure: zod and enums only.
import { z } from "zod";
import { idSchema } from "@/lib/http/ids";
import { ticketSources } from "@/db/enums";

export const SUBJECT_MAX = 255;

/** The one whitespace rule for subjects: folded whitespace collapses to one space. */
export const normalizeSubjectText = (s: string) => s.replace(/[\s\u0000-\u001f\u007f]+/g, " ").trim();

export const subjectSchema = z
  .string({ error: (i) => (i.input === undefined ? "Subject is required" : "Subject must be text") })
  .transform(normalizeSubjectText)
  .pipe(
    z
      .string()
      .min(1, "Subject is required")
      .max(SUBJECT_MAX, `Subject is too long (maximum ${SUBJECT_MAX} characters)`),
  );

/** Addresses as a mail server would accept them; a quoted local part (`"<script>"@x`) is refused. */
export const emailSchema = z
  .string({ error: (i) => (i.input === undefined ? "Email is required" : "Email must be text") })
  .trim()
  .max(254, "Email is too long")
  .pipe(z.email("Not a valid email address"))
  .transform((s) => s.toLowerCase());

const id = idSchema;

export const createTicketSchema = z.object({
  email: emailSchema,
  /** Kept as given (no trimming: names are shown literally); empty means "from the address". */
  name: z.string().max(200, "Name is too long (maximum 200 characters)").optional(),
  phone: z.string().trim().max(50).optional(),
  subject: subjectSchema,
  message: z.string({ error: "Message must be text" }).refine((s) => s.trim().length > 0, "Message must not be empty"),
  /** "html" bodies are sanitized before they are stored. */
  messageFormat: z.enum(["text", "html"]).default("text"),
  source: z.enum(ticketSources).default("web"),
  topicId: id.optional(),
  priorityId: id.optional(),
  deptId: id.optional(),
  dueAt: z.coerce.date().optional(),
  collaborators: z.array(z.object({ email: emailSchema, name: z.string().max(200).optional() })).max(50).default([]),
  /** An internal note added with the ticket (staff-only). */
  internalNote: z.string().max(100_000).optional(),
  alert: z.boolean().default(true),
  autorespond: z.boolean().default(true),
});
export type CreateTicketInput = z.input<typeof createTicketSchema>;
export type CreateTicketData = z.output<typeof createTicketSchema>;
