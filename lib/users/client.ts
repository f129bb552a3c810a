// Browser hooks for users: the type-ahead search behind every user picker, and create, edit and
// delete for the directory pages.
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/http/client";
import type { CreateUserInput, UpdateUserInput } from "./schemas";

export interface UserHit {
  id: number;
  name: string;
  email: string;
  phone: string | null;
  org: { id: number; name: string } | null;
}

export const userKeys = {
  all: ["users"] as const,
  search: (q: string) => ["users", "search", q.trim().toLowerCase()] as const,
};

/** Whether `q` is long enough for the search API (two characters). */
export const searchable = (q: string) => q.trim().length >= 2;

/** Users whose name or email starts with `q`, best first (at most 25); idle below two characters. */
export function useUserSearch(q: string) {
  return useQuery({
    queryKey: userKeys.search(q),
    queryFn: async ({ signal }) => (await apiFetch<{ items: UserHit[] }>("/api/staff/users/search", { query: { q: q.trim() }, signal })).items,
    enabled: searchable(q),
    staleTime: 30_000,
    placeholderData: keepPreviousData,
  });
}

export function useUserMutations() {
  return {
    create: useMutation({ mutationFn: (body: Partial<CreateUserInput>) => apiFetch<UserHit>("/api/staff/users", { method: "POST", body }) }),
    update: useMutation({
      mutationFn: ({ id, body }: { id: number; body: UpdateUserInput }) => apiFetch<UserHit & { changed: string[] }>(`/api/staff/users/${id}`, { method: "PUT", body }),
    }),
    remove: useMutation({
      mutationFn: ({ id, withTickets }: { id: number; withTickets?: boolean }) =>
        apiFetch<{ id: number; ticketsDeleted: number }>(`/api/staff/users/${id}`, { method: "DELETE", query: { tickets: withTickets ? "delete" : undefined } }),
    }),
  };
}
