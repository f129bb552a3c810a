// Browser hooks for the catalog admin pages (departments, teams, help topics, priorities, SLA
// plans): create, edit and delete through /api/staff/<resource>.
import { useMutation, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/http/client";

export type CatalogResource = "departments" | "teams" | "topics" | "priorities" | "sla";

export function useCatalogMutations(resource: CatalogResource) {
  const base = `/api/staff/${resource}`;
  return {
    create: useMutation({ mutationFn: (body: unknown) => apiFetch<{ id: number; name: string }>(base, { method: "POST", body }) }),
    update: useMutation({ mutationFn: ({ id, body }: { id: number; body: unknown }) => apiFetch<{ id: number; name: string }>(`${base}/${id}`, { method: "PATCH", body }) }),
    remove: useMutation({ mutationFn: (id: number) => apiFetch<{ id: number }>(`${base}/${id}`, { method: "DELETE" }) }),
  };
}

export const catalogKeys = { list: (resource: CatalogResource) => ["catalog", resource] as const };

interface Pick {
  id: number;
  name: string;
  isMember?: boolean;
}
export type DepartmentPick = Pick & { isMember: boolean };
export type TeamPick = Pick & { memberIds: number[]; isMember: boolean };
export type TopicPick = Pick & { deptId: number | null; isMember: boolean };
export type PriorityPick = Pick & { urgency: number; color: string | null; isDefault: boolean };

/** A picker list (departments, teams, topics, priorities); loaded when `enabled`, kept for 5 minutes. */
export function useCatalogList<T extends Pick>(resource: CatalogResource, enabled = true) {
  return useQuery({
    queryKey: catalogKeys.list(resource),
    queryFn: async () => (await apiFetch<{ items: T[] }>(`/api/staff/${resource}`)).items,
    enabled,
    staleTime: 300_000,
  });
}
