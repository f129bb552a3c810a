// GET|POST /api/staff/canned - canned responses by department / create (managers, admins)
import { getDb } from "@/db/client";
import { createCanned, createCannedSchema, listCanned, listCannedQuery } from "@/lib/canned";
import { created, ok } from "@/lib/http/envelope";
import { staffMethodNotAllowed, staffRoute } from "@/lib/http/staff-route";

export const dynamic = "force-dynamic";

export const GET = staffRoute({ permission: "canned.use", query: listCannedQuery }, async ({ staff, query }) => ok(await listCanned(await getDb(), staff, query)));

export const POST = staffRoute({ permission: "canned.manage", body: createCannedSchema }, async ({ staff, body }) =>
  created(await createCanned(await getDb(), staff, body), "Canned response created"),
);

// Other methods: 405 in the envelope, with Allow.
const notAllowed = staffMethodNotAllowed(["GET", "POST"]);
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
