// GET|POST /api/staff/orgs - organizations by name in keyset pages ({items, total, nextCursor}); add an organization (unique name, email domains, account PM, Harvest project, hours, notes)
import { getDb } from "@/db/client";
import { created, ok } from "@/lib/http/envelope";
import { staffMethodNotAllowed, staffRoute } from "@/lib/http/staff-route";
import { createOrg, createOrgSchema, listOrgs, pageQuery } from "@/lib/orgs";

export const dynamic = "force-dynamic";

export const GET = staffRoute({ permission: "orgs.view", query: pageQuery }, async ({ query }) => ok(await listOrgs(await getDb(), query)));

export const POST = staffRoute({ permission: "orgs.manage", body: createOrgSchema }, async ({ staff, body }) => {
  const org = await createOrg(await getDb(), staff, body);
  return created(org, `Organization ${org.name} added`);
});

// Other methods: 405 in the envelope, with Allow.
const notAllowed = staffMethodNotAllowed(["GET", "POST"]);
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
