// POST /api/staff/me/password - change own password; other sessions end, this one gets a fresh cookie
import { getDb } from "@/db/client";
import { sessionSetCookie } from "@/lib/auth";
import { ok } from "@/lib/http/envelope";
import { staffMethodNotAllowed, staffRoute } from "@/lib/http/staff-route";
import { changeOwnPassword, changeOwnPasswordSchema } from "@/lib/staff";

export const dynamic = "force-dynamic";

export const POST = staffRoute({ body: changeOwnPasswordSchema }, async ({ staff, body }) => {
  const updated = await changeOwnPassword(await getDb(), staff, body);
  return ok({ changed: true }, { message: "Password changed; other sessions have been signed out", headers: { "Set-Cookie": await sessionSetCookie(updated) } });
});

// Other methods: 405 in the envelope, with Allow.
const notAllowed = staffMethodNotAllowed(["POST"]);
export const GET = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
