// GET /api/staff/orgs/{id}/users - the organization's members by name, in pages ({items, total, nextCursor})
import { getDb } from "@/db/client";
import { ok } from "@/lib/http/envelope";
import { staffRoute } from "@/lib/http/staff-route";
import { listOrgMembers, orgIdParams, pageQuery } from "@/lib/orgs";

export const dynamic = "force-dynamic";

export const GET = staffRoute({ permission: "orgs.view", params: orgIdParams, query: pageQuery }, async ({ params, query }) => ok(await listOrgMembers(await getDb(), params.id, query)));
