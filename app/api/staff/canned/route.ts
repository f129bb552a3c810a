// GET|POST /api/staff/canned - canned responses by department / create (managers, admins)
import { getDb } from "@/db/client";
import { createCanned, createCannedSchema, listCanned, listCannedQuery } from "@/lib/canned";
import { created, ok } from "@/lib/http/envelope";
import { staffRoute } from "@/lib/http/staff-route";

export const dynamic = "force-dynamic";

export const GET = staffRoute({ permission: "canned.use", query: listCannedQuery }, async ({ staff, query }) => ok(await listCanned(await getDb(), staff, query)));

export const POST = staffRoute({ permission: "canned.manage", body: createCannedSchema }, async ({ staff, body }) =>
  created(await createCanned(await getDb(), staff, body), "Canned response created"),
);
