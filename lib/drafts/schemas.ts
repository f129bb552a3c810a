// Inputs of drafts. Pure. A namespace names the place a draft belongs to; the ticket ones carry
// the ticket id ("ticket.reply.<tid>", "ticket.note.<tid>"), "ticket.new" is the new-ticket form.
import { z } from "zod";
import { idSchema } from "@/lib/http/ids";

const id = idSchema;
export const draftIdParams = z.object({ id });

const NAMESPACE = /^[a-z][a-z0-9_-]{0,39}(\.[a-z0-9_-]{1,40}){0,4}$/;
export const namespaceSchema = z
  .string({ error: "Name the draft's place, e.g. ticket.reply.123" })
  .trim()
  .toLowerCase()
  .refine((v) => NAMESPACE.test(v), 'Dot-separated lower-case words, e.g. "ticket.reply.123" or "ticket.new"');

/** The ticket a namespace names ("ticket.reply.42" -> 42), or null. */
export function namespaceTicketId(namespace: string): number | null {
  const m = /^ticket\.(?:reply|note)\.(\d{1,10})$/.exec(namespace);
  return m ? Number(m[1]) : null;
}

export const replyDraftNamespace = (tid: number) => `ticket.reply.${tid}`;
export const noteDraftNamespace = (tid: number) => `ticket.note.${tid}`;

export const saveDraftSchema = z
  .object({
    namespace: namespaceSchema,
    body: z.string({ error: "body must be a string" }).max(500_000, "The draft is too long"),
    ticketId: id.nullable().optional(),
  })
  .superRefine((v, ctx) => {
    const named = namespaceTicketId(v.namespace);
    if (named !== null && v.ticketId != null && v.ticketId !== named) {
      ctx.addIssue({ code: "custom", path: ["ticketId"], message: `Does not match the namespace (ticket ${named})` });
    }
  })
  .transform((v) => ({ ...v, ticketId: namespaceTicketId(v.namespace) ?? v.ticketId ?? null }));
export type SaveDraftInput = z.output<typeof saveDraftSchema>;

export const draftQuery = z.object({ namespace: namespaceSchema });
