// POST /api/staff/orgs - add an organization (unique name, email domains, account PM, Harvest project, hours, notes)
import { getDb } from "@/db/client";
import { created } from "@/lib/http/envelope";
import { staffRoute } from "@/lib/http/staff-route";
import { createOrg, createOrgSchema } from "@/lib/orgs";

export const dynamic = "force-dynamic";

export const POST = staffRoute({ permission: "orgs.manage", body: createOrgSchema }, async ({ staff, body }) => {
  const org = await createOrg(await getDb(), staff, body);
  return created(org, `Organization ${org.name} added`);
});
