// GET|POST /api/staff/sla - active SLA plans, for pickers / create (admins)
import { getDb } from "@/db/client";
import { createSlaSchema, createSlaPlan, listSlaPlans } from "@/lib/catalog";
import { created, ok } from "@/lib/http/envelope";
import { staffMethodNotAllowed, staffRoute } from "@/lib/http/staff-route";

export const dynamic = "force-dynamic";

export const GET = staffRoute({}, async () => ok(await listSlaPlans(await getDb())));

export const POST = staffRoute({ permission: "settings.manage", body: createSlaSchema }, async ({ staff, body }) =>
  created(await createSlaPlan(await getDb(), staff, body), "SLA plan created"),
);

// Other methods: 405 in the envelope, with Allow.
const notAllowed = staffMethodNotAllowed(["GET", "POST"]);
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
