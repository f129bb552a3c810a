// SLA due dates: created (or reopened) + the plan's grace hours.
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { slaPlans } from "@/db/schema";

export function dueFrom(start: Date, graceHours: number | null | undefined): Date | null {
  return graceHours ? new Date(start.getTime() + graceHours * 3_600_000) : null;
}

export async function dueForSla(db: Executor, slaId: number | null, start: Date): Promise<Date | null> {
  if (!slaId) return null;
  const [plan] = await db.select({ graceHours: slaPlans.graceHours, isActive: slaPlans.isActive }).from(slaPlans).where(eq(slaPlans.id, slaId));
  return plan?.isActive ? dueFrom(start, plan.graceHours) : null;
}
