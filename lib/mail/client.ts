// Browser hooks for the outbox page: one mail's full content, and retrying it.
import { useMutation, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/http/client";
import type { OutboundMailDetail } from "./outbox-admin";

/** Dates arrive as ISO strings over JSON. */
export type OutboundMailView = Omit<OutboundMailDetail, "createdAt" | "updatedAt" | "sentAt" | "nextAttemptAt"> & {
  createdAt: string;
  updatedAt: string;
  sentAt: string | null;
  nextAttemptAt: string | null;
};

export const outboxKeys = { mail: (id: number) => ["outbox", id] as const };

export function useOutboundMail(id: number | null) {
  return useQuery({
    queryKey: outboxKeys.mail(id ?? 0),
    queryFn: () => apiFetch<OutboundMailView>(`/api/staff/outbox/${id}`),
    enabled: id !== null,
  });
}

export function useRetryMail() {
  return useMutation({ mutationFn: (id: number) => apiFetch<OutboundMailView>(`/api/staff/outbox/${id}/retry`, { method: "POST" }) });
}
