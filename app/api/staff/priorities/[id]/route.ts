// GET|PATCH|DELETE /api/staff/priorities/{id} - one priority; edit or deactivate, delete when unused (admins)
import { getDb } from "@/db/client";
import { catalogIdParams, deletePriority, getPriority, updatePriority, updatePrioritySchema } from "@/lib/catalog";
import { ok } from "@/lib/http/envelope";
import { staffMethodNotAllowed, staffRoute } from "@/lib/http/staff-route";

export const dynamic = "force-dynamic";

export const GET = staffRoute({ permission: "settings.manage", params: catalogIdParams }, async ({ params }) => ok(await getPriority(await getDb(), params.id)));

export const PATCH = staffRoute({ permission: "settings.manage", params: catalogIdParams, body: updatePrioritySchema }, async ({ staff, params, body }) =>
  ok(await updatePriority(await getDb(), staff, params.id, body), { message: "Priority updated" }),
);

export const DELETE = staffRoute({ permission: "settings.manage", params: catalogIdParams }, async ({ staff, params }) => {
  await deletePriority(await getDb(), staff, params.id);
  return ok({ id: params.id }, { message: "Priority deleted" });
});

// Other methods: 405 in the envelope, with Allow.
const notAllowed = staffMethodNotAllowed(["GET", "PATCH", "DELETE"]);
export const POST = notAllowed;
export const PUT = notAllowed;
