// GET|PATCH /api/staff/staff/{id} - one staff member; edit, (de)activate (admins)
import { getDb } from "@/db/client";
import { ok } from "@/lib/http/envelope";
import { staffMethodNotAllowed, staffRoute } from "@/lib/http/staff-route";
import { getStaffMember, staffIdParams, updateStaff, updateStaffSchema } from "@/lib/staff";

export const dynamic = "force-dynamic";

export const GET = staffRoute({ permission: "staff.manage", params: staffIdParams }, async ({ params }) => {
  return ok(await getStaffMember(await getDb(), params.id));
});

export const PATCH = staffRoute({ permission: "staff.manage", params: staffIdParams, body: updateStaffSchema }, async ({ staff, params, body }) => {
  const member = await updateStaff(await getDb(), staff, params.id, body);
  return ok(member, { message: body.isActive === false ? "Deactivated; their sessions have ended" : "Staff member updated" });
});

// Other methods: 405 in the envelope, with Allow.
const notAllowed = staffMethodNotAllowed(["GET", "PATCH"]);
export const POST = notAllowed;
export const PUT = notAllowed;
export const DELETE = notAllowed;
