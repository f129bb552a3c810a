// GET|PUT /api/staff/orgs/{id} - an organization with its member count and the recent tickets the caller may see; partial edit
import { getDb } from "@/db/client";
import { scopeOf } from "@/lib/auth";
import { ok } from "@/lib/http/envelope";
import { staffMethodNotAllowed, staffRoute } from "@/lib/http/staff-route";
import { getOrgDetail, orgIdParams, updateOrg, updateOrgSchema } from "@/lib/orgs";

export const dynamic = "force-dynamic";

export const GET = staffRoute({ permission: "orgs.view", params: orgIdParams }, async ({ staff, params }) => ok(await getOrgDetail(await getDb(), scopeOf(staff), params.id)));

export const PUT = staffRoute({ permission: "orgs.manage", params: orgIdParams, body: updateOrgSchema }, async ({ staff, params, body }) => {
  const { org, changed } = await updateOrg(await getDb(), staff, params.id, body);
  return ok({ ...org, changed }, { message: changed.length ? "Organization updated" : "Nothing changed" });
});

// Other methods: 405 in the envelope, with Allow.
const notAllowed = staffMethodNotAllowed(["GET", "PUT"]);
export const POST = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
