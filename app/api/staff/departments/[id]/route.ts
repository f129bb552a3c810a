// GET|PATCH|DELETE /api/staff/departments/{id} - one department; edit or deactivate, delete when unused (admins)
import { getDb } from "@/db/client";
import { catalogIdParams, deleteDepartment, getDepartment, updateDepartment, updateDepartmentSchema } from "@/lib/catalog";
import { ok } from "@/lib/http/envelope";
import { staffMethodNotAllowed, staffRoute } from "@/lib/http/staff-route";

export const dynamic = "force-dynamic";

export const GET = staffRoute({ permission: "settings.manage", params: catalogIdParams }, async ({ params }) => ok(await getDepartment(await getDb(), params.id)));

export const PATCH = staffRoute({ permission: "settings.manage", params: catalogIdParams, body: updateDepartmentSchema }, async ({ staff, params, body }) =>
  ok(await updateDepartment(await getDb(), staff, params.id, body), { message: "Department updated" }),
);

export const DELETE = staffRoute({ permission: "settings.manage", params: catalogIdParams }, async ({ staff, params }) => {
  await deleteDepartment(await getDb(), staff, params.id);
  return ok({ id: params.id }, { message: "Department deleted" });
});

// Other methods: 405 in the envelope, with Allow.
const notAllowed = staffMethodNotAllowed(["GET", "PATCH", "DELETE"]);
export const POST = notAllowed;
export const PUT = notAllowed;
