// Environment for intake tests: a signing secret, the help desk's addresses, no SMTP.
import { resetEnvCache } from "@/lib/config/env";
import { clearSettingsCache } from "@/lib/config/settings";
import { clearCatalogCache } from "@/lib/tickets/create-defaults";
import { clearDepartmentStaffCache } from "@/lib/mail";

export function setIntakeEnv(extra: Record<string, string | undefined> = {}): void {
  const values: Record<string, string | undefined> = {
    AUTH_SECRET: "intake-test-secret",
    SUPPORT_EMAIL: "support@example.com",
    MAIL_FROM: "Help Desk <support@example.com>",
    SMTP_URL: undefined,
    APP_URL: "http://localhost:3310",
    ...extra,
  };
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetEnvCache();
  clearSettingsCache();
  clearCatalogCache();
  clearDepartmentStaffCache();
}

/** setIntakeEnv plus the custom server's internal token, so tests can state the client address. */
export function setApiEnv(extra: Record<string, string | undefined> = {}): void {
  setIntakeEnv({ HELPDESK_INTERNAL_TOKEN: "intake-test-internal-token", ...extra });
}
