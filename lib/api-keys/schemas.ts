import { z } from "zod";
import { idSchema } from "@/lib/http/ids";
import { normalizeRange } from "@/lib/http/client-address";

const id = idSchema;
export const apiKeyIdParams = z.object({ id });

const fields = {
  name: z.string({ error: "Name is required" }).trim().min(1, "Name is required").max(100, "At most 100 characters"),
  /** IP addresses or CIDR ranges (canonical IPv4 or IPv6), stored normalised; empty means any address. */
  ipAllowList: z
    .array(z.string().trim().min(1))
    .max(100, "At most 100 entries")
    .transform((list, ctx) => {
      const out: string[] = [];
      for (const entry of list) {
        try {
          const normal = normalizeRange(entry);
          if (!out.includes(normal)) out.push(normal);
        } catch (e) {
          ctx.addIssue({ code: "custom", message: (e as Error).message });
          return z.NEVER;
        }
      }
      return out;
    }),
  canCreateTickets: z.boolean(),
  canExecuteCron: z.boolean(),
  /** Requests per minute; 0 means unlimited. */
  rateLimit: z.number().int("A whole number").min(0, "0 (unlimited) or more").max(100_000, "At most 100000"),
};

export const createApiKeySchema = z.object({
  name: fields.name,
  ipAllowList: fields.ipAllowList.default([]),
  canCreateTickets: fields.canCreateTickets.default(true),
  canExecuteCron: fields.canExecuteCron.default(true),
  rateLimit: fields.rateLimit.default(120),
});
export type CreateApiKeyInput = z.input<typeof createApiKeySchema>;

/** Everything but the key itself can change; a revoked key stays revoked. */
export const updateApiKeySchema = z
  .object(fields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: "Nothing to change" });
export type UpdateApiKeyInput = z.infer<typeof updateApiKeySchema>;
