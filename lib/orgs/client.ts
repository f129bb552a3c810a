// Browser hooks for organizations: the type-ahead search (organization pickers) and create/edit.
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/http/client";
import type { CreateOrgInput, UpdateOrgInput } from "./schemas";

export interface OrgHit {
  id: number;
  name: string;
  domains: string[];
}

export const orgKeys = {
  all: ["orgs"] as const,
  search: (q: string) => ["orgs", "search", q.trim().toLowerCase()] as const,
};

/** Organizations by name, word or email domain prefix (at most 25); idle below two characters. */
export function useOrgSearch(q: string) {
  return useQuery({
    queryKey: orgKeys.search(q),
    queryFn: async ({ signal }) => (await apiFetch<{ items: OrgHit[] }>("/api/staff/orgs/search", { query: { q: q.trim() }, signal })).items,
    enabled: q.trim().length >= 2,
    staleTime: 30_000,
    placeholderData: keepPreviousData,
  });
}

export function useOrgMutations() {
  return {
    create: useMutation({ mutationFn: (body: Partial<CreateOrgInput>) => apiFetch<OrgHit>("/api/staff/orgs", { method: "POST", body }) }),
    update: useMutation({
      mutationFn: ({ id, body }: { id: number; body: UpdateOrgInput }) => apiFetch<OrgHit & { changed: string[] }>(`/api/staff/orgs/${id}`, { method: "PUT", body }),
    }),
  };
}
