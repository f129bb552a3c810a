import { z } from "zod";
import { parseRange } from "@/lib/http/client-address";

export const createApiKeySchema = z.object({
  name: z.string().trim().min(1, "Name is required").max(100),
  ipAllowList: z
    .array(z.string().trim().min(1))
    .default([])
    .superRefine((list, ctx) => {
      for (const entry of list) {
        try {
          parseRange(entry);
        } catch {
          ctx.addIssue({ code: "custom", message: `Not an IP address or CIDR range: "${entry}"` });
        }
      }
    }),
  canCreateTickets: z.boolean().default(true),
  canExecuteCron: z.boolean().default(true),
  rateLimit: z.number().int().min(0).default(120),
});
export type CreateApiKeyInput = z.input<typeof createApiKeySchema>;
