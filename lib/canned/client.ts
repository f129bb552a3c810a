// Browser hooks for managing canned responses (managers and admins).
import { useMutation } from "@tanstack/react-query";
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
