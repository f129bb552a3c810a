// POST /api/staff/staff/{id}/reset-password - set or generate a new password (admins); ends their sessions
import { getDb } from "@/db/client";
import { ok } from "@/lib/http/envelope";
import { staffMethodNotAllowed, staffRoute } from "@/lib/http/staff-route";
import { resetPasswordSchema, resetStaffPassword, staffIdParams } from "@/lib/staff";

export const dynamic = "force-dynamic";

export const POST = staffRoute({ permission: "staff.manage", params: staffIdParams, body: resetPasswordSchema }, async ({ staff, params, body }) => {
  const result = await resetStaffPassword(await getDb(), staff, params.id, body);
  return ok(result, { message: result.password ? "Password reset; the generated password is shown only this once" : "Password reset" });
});

// Other methods: 405 in the envelope, with Allow.
const notAllowed = staffMethodNotAllowed(["POST"]);
export const GET = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
