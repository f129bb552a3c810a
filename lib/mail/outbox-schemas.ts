// Inputs of the outbox pages and API. Pure.
import { z } from "zod";
import { idSchema } from "@/lib/http/ids";
import { mailStatuses } from "@/db/enums";

const id = idSchema;
export const outboxIdParams = z.object({ id });

export const outboxQuerySchema = z.object({
  status: z.enum(mailStatuses, { error: `must be one of ${mailStatuses.join(", ")}` }).optional(),
  ticketId: id.optional(),
  /** The previous page's nextCursor. */
  cursor: id.optional(),
  limit: z.coerce.number().int().min(1, "at least 1").max(200, "at most 200").default(50),
});
export type OutboxQueryInput = z.infer<typeof outboxQuerySchema>;
