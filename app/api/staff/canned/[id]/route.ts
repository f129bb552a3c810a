// GET|PATCH|DELETE /api/staff/canned/{id} - one canned response; edit and delete (managers, admins)
import { getDb } from "@/db/client";
import { cannedIdParams, deleteCanned, getCanned, updateCanned, updateCannedSchema } from "@/lib/canned";
import { ok } from "@/lib/http/envelope";
import { staffMethodNotAllowed, staffRoute } from "@/lib/http/staff-route";

export const dynamic = "force-dynamic";

export const GET = staffRoute({ permission: "canned.use", params: cannedIdParams }, async ({ staff, params }) => ok(await getCanned(await getDb(), staff, params.id)));

export const PATCH = staffRoute({ permission: "canned.manage", params: cannedIdParams, body: updateCannedSchema }, async ({ staff, params, body }) =>
  ok(await updateCanned(await getDb(), staff, params.id, body), { message: "Canned response updated" }),
);

export const DELETE = staffRoute({ permission: "canned.manage", params: cannedIdParams }, async ({ staff, params }) => {
  await deleteCanned(await getDb(), staff, params.id);
  return ok({ id: params.id }, { message: "Canned response deleted" });
});

// Other methods: 405 in the envelope, with Allow.
const notAllowed = staffMethodNotAllowed(["GET", "PATCH", "DELETE"]);
export const POST = notAllowed;
export const PUT = notAllowed;
