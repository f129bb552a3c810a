// GET|PATCH /api/staff/me - the signed-in staff member; change own name, signature, time zone, phone
import { getDb } from "@/db/client";
import { ok } from "@/lib/http/envelope";
import { staffMethodNotAllowed, staffRoute } from "@/lib/http/staff-route";
import { getStaffMember, updateOwnProfile, updateProfileSchema } from "@/lib/staff";
import { rolePermissions } from "@/lib/auth";

export const dynamic = "force-dynamic";

export const GET = staffRoute({}, async ({ staff }) => {
  return ok({ ...(await getStaffMember(await getDb(), staff.id)), permissions: [...rolePermissions[staff.role]] });
});

export const PATCH = staffRoute({ body: updateProfileSchema }, async ({ staff, body }) => {
  return ok(await updateOwnProfile(await getDb(), staff, body), { message: "Profile updated" });
});

// Other methods: 405 in the envelope, with Allow.
const notAllowed = staffMethodNotAllowed(["GET", "PATCH"]);
export const POST = notAllowed;
export const PUT = notAllowed;
export const DELETE = notAllowed;
