// GET|PUT /api/staff/settings - all settings with their current values / change some of them (admins)
import { getDb } from "@/db/client";
import { getSettings } from "@/lib/config/settings";
import { saveSettings } from "@/lib/config/settings-admin";
import { settingsPatchSchema } from "@/lib/config/settings-patch";
import { ok } from "@/lib/http/envelope";
import { staffMethodNotAllowed, staffRoute } from "@/lib/http/staff-route";

export const dynamic = "force-dynamic";

export const GET = staffRoute({ permission: "settings.manage" }, async () => ok(await getSettings(await getDb())));

export const PUT = staffRoute({ permission: "settings.manage", body: settingsPatchSchema }, async ({ staff, body }) =>
  ok(await saveSettings(await getDb(), staff, body), { message: "Settings saved" }),
);

// Other methods: 405 in the envelope, with Allow.
const notAllowed = staffMethodNotAllowed(["GET", "PUT"]);
export const POST = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
