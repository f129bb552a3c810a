// GET|POST /api/staff/staff - staff list (pickers; admins see details and the deactivated) / create (admins)
import { getDb } from "@/db/client";
import { can } from "@/lib/auth";
import { created, ok } from "@/lib/http/envelope";
import { staffMethodNotAllowed, staffRoute } from "@/lib/http/staff-route";
import { createStaff, createStaffSchema, listStaff, listStaffQuery } from "@/lib/staff";

export const dynamic = "force-dynamic";

export const GET = staffRoute({ query: listStaffQuery }, async ({ staff, query }) => {
  return ok(await listStaff(await getDb(), { ...query, detailed: can(staff, "staff.manage") }));
});

export const POST = staffRoute({ permission: "staff.manage", body: createStaffSchema }, async ({ staff, body }) => {
  const result = await createStaff(await getDb(), staff, body);
  return created(result, result.password ? "Staff member created; the generated password is shown only this once" : "Staff member created");
});

// Other methods: 405 in the envelope, with Allow.
const notAllowed = staffMethodNotAllowed(["GET", "POST"]);
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
