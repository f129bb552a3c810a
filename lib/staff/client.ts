// Browser hooks for staff management (admins): create, edit, (de)activate, reset a password.
import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "@/lib/http/client";
import type { StaffMember } from "./dto";
import type { CreateStaffInput, ResetPasswordInput, UpdateStaffInput } from "./schemas";

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
