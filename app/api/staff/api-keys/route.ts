// GET|POST /api/staff/api-keys - API keys with last use (admins) / create one; the key is shown only in this answer
import { getDb } from "@/db/client";
import { createApiKeyAsStaff, createApiKeySchema, listApiKeyInfo } from "@/lib/api-keys";
import { created, ok } from "@/lib/http/envelope";
import { staffMethodNotAllowed, staffRoute } from "@/lib/http/staff-route";

export const dynamic = "force-dynamic";

export const GET = staffRoute({ permission: "settings.manage" }, async () => ok(await listApiKeyInfo(await getDb())));

export const POST = staffRoute({ permission: "settings.manage", body: createApiKeySchema }, async ({ staff, body }) =>
  created(await createApiKeyAsStaff(await getDb(), staff, body), "API key created; copy it now, it is shown only this once"),
);

// Other methods: 405 in the envelope, with Allow.
const notAllowed = staffMethodNotAllowed(["GET", "POST"]);
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
