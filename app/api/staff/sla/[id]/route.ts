// GET|PATCH|DELETE /api/staff/sla/{id} - one SLA plan; edit or deactivate, delete when unused (admins)
import { getDb } from "@/db/client";
import { catalogIdParams, deleteSlaPlan, getSlaPlan, updateSlaPlan, updateSlaSchema } from "@/lib/catalog";
import { ok } from "@/lib/http/envelope";
import { staffMethodNotAllowed, staffRoute } from "@/lib/http/staff-route";

export const dynamic = "force-dynamic";

export const GET = staffRoute({ permission: "settings.manage", params: catalogIdParams }, async ({ params }) => ok(await getSlaPlan(await getDb(), params.id)));

export const PATCH = staffRoute({ permission: "settings.manage", params: catalogIdParams, body: updateSlaSchema }, async ({ staff, params, body }) =>
  ok(await updateSlaPlan(await getDb(), staff, params.id, body), { message: "SLA plan updated" }),
);

export const DELETE = staffRoute({ permission: "settings.manage", params: catalogIdParams }, async ({ staff, params }) => {
  await deleteSlaPlan(await getDb(), staff, params.id);
  return ok({ id: params.id }, { message: "SLA plan deleted" });
});

// Other methods: 405 in the envelope, with Allow.
const notAllowed = staffMethodNotAllowed(["GET", "PATCH", "DELETE"]);
export const POST = notAllowed;
export const PUT = notAllowed;
