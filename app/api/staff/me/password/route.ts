// POST /api/staff/me/password - change own password; other sessions end, this one gets a fresh cookie
import { getDb } from "@/db/client";
import { sessionSetCookie } from "@/lib/auth";
import { ok } from "@/lib/http/envelope";
import { staffRoute } from "@/lib/http/staff-route";
import { changeOwnPassword, changeOwnPasswordSchema } from "@/lib/staff";

export const dynamic = "force-dynamic";

export const POST = staffRoute({ body: changeOwnPasswordSchema }, async ({ staff, body }) => {
  const updated = await changeOwnPassword(await getDb(), staff, body);
  return ok({ changed: true }, { message: "Password changed; other sessions have been signed out", headers: { "Set-Cookie": await sessionSetCookie(updated) } });
});
