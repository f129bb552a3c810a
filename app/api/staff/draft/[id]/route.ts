// GET|DELETE /api/staff/draft/{id} - one of the caller's drafts (404 for anyone else's); discard it with its files
import { getDb } from "@/db/client";
import { scopeOf } from "@/lib/auth";
import { deleteDraft, draftIdParams, getDraft } from "@/lib/drafts";
import { ok } from "@/lib/http/envelope";
import { staffMethodNotAllowed, staffRoute } from "@/lib/http/staff-route";

export const dynamic = "force-dynamic";

export const GET = staffRoute({ params: draftIdParams }, async ({ staff, params }) => ok(await getDraft(await getDb(), { id: staff.id, scope: scopeOf(staff) }, params.id)));

export const DELETE = staffRoute({ params: draftIdParams }, async ({ staff, params }) => {
  await deleteDraft(await getDb(), { id: staff.id, scope: scopeOf(staff) }, params.id);
  return ok({ id: params.id }, { message: "Draft discarded" });
});

// Other methods: 405 in the envelope, with Allow.
const notAllowed = staffMethodNotAllowed(["GET", "DELETE"]);
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
