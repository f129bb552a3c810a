// Browser hooks for the API keys admin page.
import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "@/lib/http/client";
import type { ApiKeyInfo } from "./manage";
import type { CreateApiKeyInput, UpdateApiKeyInput } from "./schemas";

export function useApiKeyMutations() {
  return {
    create: useMutation({ mutationFn: (body: CreateApiKeyInput) => apiFetch<{ key: string; apiKey: ApiKeyInfo }>("/api/staff/api-keys", { method: "POST", body }) }),
    update: useMutation({ mutationFn: ({ id, body }: { id: number; body: UpdateApiKeyInput }) => apiFetch<ApiKeyInfo>(`/api/staff/api-keys/${id}`, { method: "PATCH", body }) }),
    revoke: useMutation({ mutationFn: (id: number) => apiFetch<ApiKeyInfo>(`/api/staff/api-keys/${id}`, { method: "DELETE" }) }),
  };
}
