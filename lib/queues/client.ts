// Browser hooks for queues: the sidebar's list with live counts (refreshed every 30 s while the
// tab is visible), a queue's ticket pages with the panel's filters, and saving, changing and
// deleting saved queues. Every write refreshes the queue lists and counts.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/http/client";
import type { Jsonified, TicketPage } from "@/lib/search/client";
import { LIST_PAGE_SIZE } from "@/lib/search/client";
import type { CriteriaParams } from "@/lib/search/params";
import type { QueueColumn } from "./schemas";
import type { QueueView } from "./service";

export type QueueInfo = Jsonified<QueueView>;
export type QueueWithCount = QueueInfo & { count: number | null; countExact: boolean };
export type QueueTicketPage = TicketPage & { queue: QueueInfo };

export const COUNTS_REFRESH_MS = 30_000;

export const queueKeys = {
  all: ["queues"] as const,
  list: () => ["queues", "list"] as const,
  detail: (id: string | number) => ["queues", String(id)] as const,
  tickets: (id: string | number, params: CriteriaParams, cursor: string | null) => ["queues", String(id), "tickets", params, cursor] as const,
};

/** Every queue the caller may see with its count; polled in the background, paused while the tab is hidden. */
export function useQueues() {
  return useQuery({
    queryKey: queueKeys.list(),
    queryFn: async () => (await apiFetch<{ items: QueueWithCount[] }>("/api/staff/queues")).items,
    refetchInterval: COUNTS_REFRESH_MS,
    refetchIntervalInBackground: false,
    staleTime: 10_000,
  });
}

/** One page of a queue, refined by the filters in `params` (lists use it with `queueKeys.tickets`). */
export function fetchQueuePage(id: string | number, params: CriteriaParams, cursor: string | null) {
  return apiFetch<QueueTicketPage>(`/api/staff/queues/${encodeURIComponent(String(id))}/tickets`, { query: { ...params, cursor, limit: LIST_PAGE_SIZE } });
}

export interface QueueInput {
  name: string;
  /** Criteria as URL values or JSON; the server parses them with the search schema. */
  criteria: CriteriaParams;
  columns?: QueueColumn[];
  shared: boolean;
}

export function useQueueMutations() {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: queueKeys.all });
  return {
    create: useMutation({ mutationFn: (body: QueueInput) => apiFetch<QueueInfo>("/api/staff/queues", { method: "POST", body }), onSuccess: refresh }),
    update: useMutation({
      mutationFn: ({ id, body }: { id: number; body: Partial<QueueInput> }) => apiFetch<QueueInfo>(`/api/staff/queues/${id}`, { method: "PUT", body }),
      onSuccess: refresh,
    }),
    remove: useMutation({ mutationFn: (id: number) => apiFetch<{ id: number }>(`/api/staff/queues/${id}`, { method: "DELETE" }), onSuccess: refresh }),
  };
}
