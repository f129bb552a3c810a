import { z } from "zod";

export const createApiKeySchema = z.object({
  name: z.string().trim().min(1, "Name is required").max(100),
  ipAllowList: z.array(z.string().trim().min(1)).default([]),
  canCreateTickets: z.boolean().default(true),
  canExecuteCron: z.boolean().default(true),
  rateLimit: z.number().int().min(0).default(120),
});
export type CreateApiKeyInput = z.input<typeof createApiKeySchema>;
