// Browser hook for the settings page.
import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "@/lib/http/client";
import type { SettingsPatch } from "./settings-patch";
import type { Settings } from "./settings-schema";

export function useSaveSettings() {
  return useMutation({ mutationFn: (patch: SettingsPatch) => apiFetch<Settings>("/api/staff/settings", { method: "PUT", body: patch }) });
}
