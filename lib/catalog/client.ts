// Browser hooks for the catalog admin pages (departments, teams, help topics, priorities, SLA
// plans): create, edit and delete through /api/staff/<resource>.
import { useMutation } from "@tanstack/react-query";
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
