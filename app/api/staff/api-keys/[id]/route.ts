// GET|PATCH|DELETE /api/staff/api-keys/{id} - one API key; change its allow-list, permissions, rate limit; revoke (admins)
import { getDb } from "@/db/client";
import { apiKeyIdParams, getApiKeyInfo, revokeApiKeyById, updateApiKey, updateApiKeySchema } from "@/lib/api-keys";
import { ok } from "@/lib/http/envelope";
import { staffMethodNotAllowed, staffRoute } from "@/lib/http/staff-route";

export const dynamic = "force-dynamic";

export const GET = staffRoute({ permission: "settings.manage", params: apiKeyIdParams }, async ({ params }) => ok(await getApiKeyInfo(await getDb(), params.id)));

export const PATCH = staffRoute({ permission: "settings.manage", params: apiKeyIdParams, body: updateApiKeySchema }, async ({ staff, params, body }) =>
  ok(await updateApiKey(await getDb(), staff, params.id, body), { message: "API key updated" }),
);

export const DELETE = staffRoute({ permission: "settings.manage", params: apiKeyIdParams }, async ({ staff, params }) =>
  ok(await revokeApiKeyById(await getDb(), staff, params.id), { message: "API key revoked; requests with it are refused from now on" }),
);

// Other methods: 405 in the envelope, with Allow.
const notAllowed = staffMethodNotAllowed(["GET", "PATCH", "DELETE"]);
export const POST = notAllowed;
export const PUT = notAllowed;
