// Browser hooks for ticket lists: the search page's results and the lookups of its form. Lists
// keep their criteria as URL parameters (params.ts) and send them as they are; the server
// parses them with the criteria schema.
import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/http/client";
import type { ListItem, ListPage } from "./items";
import type { CriteriaParams } from "./params";

/** A server value as it arrives over JSON (dates become strings). */
export type Jsonified<T> = T extends Date ? string : T extends Array<infer U> ? Jsonified<U>[] : T extends object ? { [K in keyof T]: Jsonified<T[K]> } : T;

export type TicketRow = Jsonified<ListItem>;
export type TicketPage = Omit<Jsonified<ListPage>, "items"> & { items: TicketRow[] };

/** Page size of the panel's lists. */
export const LIST_PAGE_SIZE = 25;

export const searchKeys = {
  all: ["search"] as const,
  page: (params: CriteriaParams, cursor: string | null) => ["search", params, cursor] as const,
  lookup: (kind: "users" | "orgs", q: string) => ["search", "lookup", kind, q] as const,
};

/** One page of search results (lists use it with `searchKeys.page`). */
export function fetchSearchPage(params: CriteriaParams, cursor: string | null) {
  return apiFetch<TicketPage>("/api/staff/search", { query: { ...params, cursor, limit: LIST_PAGE_SIZE } });
}

export interface LookupHit {
  id: number;
  name: string;
  email?: string;
}

/** Users or organizations whose name (or email, domain) starts with `q`, for the search form's pickers. */
export function useRequesterLookup(kind: "users" | "orgs", q: string) {
  const term = q.trim();
  return useQuery({
    queryKey: searchKeys.lookup(kind, term),
    queryFn: async () => (await apiFetch<{ items: LookupHit[] }>(`/api/staff/${kind}/search`, { query: { q: term } })).items,
    enabled: term.length >= 2,
    staleTime: 60_000,
  });
}
