// Organization rows -> API shapes.
import type { organizations } from "@/db/schema";

export type OrgRow = typeof organizations.$inferSelect;

export function toOrg(o: OrgRow, pm: { id: number; name: string; email: string } | null) {
  return {
    id: o.id,
    name: o.name,
    domains: o.domains,
    accountPm: pm,
    docsRequired: o.docsRequired,
    harvestProjectId: o.harvestProjectId,
    budgetHours: o.budgetHours,
    quotedHours: o.quotedHours,
    notes: o.notes,
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
  };
}
export type Org = ReturnType<typeof toOrg>;
