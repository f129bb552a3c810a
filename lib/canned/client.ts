// Browser hooks for managing canned responses (managers and admins).
import { useMutation, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/http/client";

interface Canned {
  id: number;
  title: string;
}

export function useCannedMutations() {
  return {
    create: useMutation({ mutationFn: (body: unknown) => apiFetch<Canned>("/api/staff/canned", { method: "POST", body }) }),
    update: useMutation({ mutationFn: ({ id, body }: { id: number; body: unknown }) => apiFetch<Canned>(`/api/staff/canned/${id}`, { method: "PATCH", body }) }),
    remove: useMutation({ mutationFn: (id: number) => apiFetch<{ id: number }>(`/api/staff/canned/${id}`, { method: "DELETE" }) }),
  };
}

export interface CannedPick {
  id: number;
  title: string;
  format: "text" | "html";
  deptId: number | null;
}

export const cannedKeys = { forDept: (deptId: number) => ["canned", "dept", deptId] as const };

/** Canned responses usable on a ticket of this department (its own and the global ones). */
export function useCannedForDept(deptId: number, enabled = true) {
  return useQuery({
    queryKey: cannedKeys.forDept(deptId),
    queryFn: async () => (await apiFetch<{ items: CannedPick[] }>("/api/staff/canned", { query: { deptId } })).items,
    enabled,
    staleTime: 300_000,
  });
}

/** The response with its %{variables} filled for the ticket. */
export function renderCannedForTicket(id: number, tid: number) {
  return apiFetch<{ body: string; format: "text" | "html" }>(`/api/staff/canned/${id}/render`, { query: { tid } });
}
