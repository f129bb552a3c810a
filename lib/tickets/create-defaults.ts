// How a new ticket is classified: department, priority and SLA from the help topic, the
// explicit choice, or the settings' defaults. The catalog is small and rarely changes, so it is
// cached for a few seconds to keep ticket creation off extra queries.
import type { Executor } from "@/db/client";
import { departments, helpTopics, priorities, slaPlans } from "@/db/schema";
import type { Settings } from "@/lib/config/settings-schema";
import { AppError, type FieldErrors } from "@/lib/http/errors";

const TTL_MS = 5_000;

export interface Catalog {
  topics: Map<number, typeof helpTopics.$inferSelect>;
  priorities: Map<number, typeof priorities.$inferSelect>;
  departments: Map<number, typeof departments.$inferSelect>;
  slas: Map<number, typeof slaPlans.$inferSelect>;
}

let cache: { at: number; value: Catalog } | null = null;

export async function loadCatalog(db: Executor): Promise<Catalog> {
  if (cache && Date.now() - cache.at < TTL_MS) return cache.value;
  // One after another: `db` is often a transaction, whose single connection cannot run queries in parallel.
  const t = await db.select().from(helpTopics);
  const p = await db.select().from(priorities);
  const d = await db.select().from(departments);
  const s = await db.select().from(slaPlans);
  const byId = <R extends { id: number }>(rows: R[]) => new Map(rows.map((r) => [r.id, r]));
  const value = { topics: byId(t), priorities: byId(p), departments: byId(d), slas: byId(s) };
  cache = { at: Date.now(), value };
  return value;
}

export function clearCatalogCache(): void {
  cache = null;
}

/** A priority named or numbered by a client ("High", "3"); null when there is no such active one. */
export function findPriority(catalog: Catalog, ref: string | number): typeof priorities.$inferSelect | null {
  const s = String(ref).trim();
  if (/^\d+$/.test(s)) {
    const p = catalog.priorities.get(Number(s));
    return p?.isActive ? p : null;
  }
  for (const p of catalog.priorities.values()) if (p.isActive && p.name.toLowerCase() === s.toLowerCase()) return p;
  return null;
}

export interface Classification {
  deptId: number;
  priorityId: number;
  slaId: number | null;
  topicId: number | null;
  docsRequired: boolean;
  graceHours: number | null;
}

/** Resolves the classification; an unknown or inactive reference is a 400 naming the field. */
export function classify(
  catalog: Catalog,
  settings: Settings,
  input: { topicId?: number | null; priorityId?: number | null; deptId?: number | null },
): Classification {
  const errors: FieldErrors = {};
  const topic = input.topicId != null ? catalog.topics.get(input.topicId) : undefined;
  if (input.topicId != null && !topic?.isActive) errors.topicId = `Unknown or inactive help topic: ${input.topicId}`;
  const priority = input.priorityId != null ? catalog.priorities.get(input.priorityId) : undefined;
  if (input.priorityId != null && !priority?.isActive) errors.priorityId = `Unknown or inactive priority: ${input.priorityId}`;
  const explicitDept = input.deptId != null ? catalog.departments.get(input.deptId) : undefined;
  if (input.deptId != null && !explicitDept?.isActive) errors.deptId = `Unknown or inactive department: ${input.deptId}`;
  if (Object.keys(errors).length) throw AppError.fields(errors);

  const activeDept = (id: number | null | undefined) => (id != null && catalog.departments.get(id)?.isActive ? id : null);
  const deptId =
    explicitDept?.id ??
    activeDept(topic?.deptId) ??
    activeDept(settings.defaultDeptId) ??
    [...catalog.departments.values()].find((d) => d.isActive)?.id;
  const activePriority = (id: number | null | undefined) => (id != null && catalog.priorities.get(id)?.isActive ? id : null);
  const priorityId =
    priority?.id ??
    activePriority(topic?.priorityId) ??
    activePriority(settings.defaultPriorityId) ??
    [...catalog.priorities.values()].find((p) => p.isDefault && p.isActive)?.id ??
    [...catalog.priorities.values()].find((p) => p.isActive)?.id;
  if (deptId === undefined || priorityId === undefined) {
    throw new AppError("not_configured", "No active department or priority is configured; run the seed (npm run db:seed)");
  }
  const activeSla = (id: number | null | undefined) => (id != null && catalog.slas.get(id)?.isActive ? id : null);
  const slaId = activeSla(topic?.slaId) ?? activeSla(catalog.departments.get(deptId)?.slaId) ?? activeSla(settings.defaultSlaId);
  return {
    deptId,
    priorityId,
    slaId,
    topicId: topic?.id ?? null,
    docsRequired: topic?.docsRequired ?? false,
    graceHours: slaId != null ? catalog.slas.get(slaId)!.graceHours : null,
  };
}
