// GET /api/staff/orgs/{id}/users - the organization's members by name, in pages ({items, total, nextCursor})
import { getDb } from "@/db/client";
import { ok } from "@/lib/http/envelope";
import { staffMethodNotAllowed, staffRoute } from "@/lib/http/staff-route";
import { listOrgMembers, orgIdParams, pageQuery } from "@/lib/orgs";

export const dynamic = "force-dynamic";

export const GET = staffRoute({ permission: "orgs.view", params: orgIdParams, query: pageQuery }, async ({ params, query }) => ok(await listOrgMembers(await getDb(), params.id, query)));

// Other methods: 405 in the envelope, with Allow.
const notAllowed = staffMethodNotAllowed(["GET"]);
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
