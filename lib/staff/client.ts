// Browser hooks for staff management (admins): create, edit, (de)activate, reset a password.
import { useMutation, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/http/client";
import type { StaffMember } from "./dto";
import type { ChangeOwnPasswordInput, CreateStaffInput, ResetPasswordInput, UpdateProfileInput, UpdateStaffInput } from "./schemas";

export function useStaffMutations() {
  return {
    create: useMutation({
      mutationFn: (body: Partial<CreateStaffInput>) => apiFetch<{ staff: StaffMember; password?: string }>("/api/staff/staff", { method: "POST", body }),
    }),
    update: useMutation({
      mutationFn: ({ id, body }: { id: number; body: UpdateStaffInput }) => apiFetch<StaffMember>(`/api/staff/staff/${id}`, { method: "PATCH", body }),
    }),
    resetPassword: useMutation({
      mutationFn: ({ id, body }: { id: number; body: ResetPasswordInput }) => apiFetch<{ password?: string }>(`/api/staff/staff/${id}/reset-password`, { method: "POST", body }),
    }),
  };
}

export interface StaffPick {
  id: number;
  name: string;
  email: string;
  role: string;
  isActive: boolean;
  deptIds: number[];
}

export const staffKeys = { picks: (deptId?: number) => ["staff", "picks", deptId ?? "all"] as const };

/** Colleagues for the assignment and referral pickers, optionally only those of a department. */
export function useStaffPicks(deptId: number | undefined, enabled = true) {
  return useQuery({
    queryKey: staffKeys.picks(deptId),
    queryFn: async () => (await apiFetch<{ items: StaffPick[] }>("/api/staff/staff", { query: { deptId } })).items.filter((s) => s.isActive),
    enabled,
    staleTime: 300_000,
  });
}

/** The signed-in member's own settings and password. */
export function useOwnAccount() {
  return {
    update: useMutation({ mutationFn: (body: UpdateProfileInput) => apiFetch<StaffMember>("/api/staff/me", { method: "PATCH", body }) }),
    changePassword: useMutation({ mutationFn: (body: ChangeOwnPasswordInput) => apiFetch<{ changed: true }>("/api/staff/me/password", { method: "POST", body }) }),
  };
}
