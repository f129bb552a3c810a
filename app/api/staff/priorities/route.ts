// GET|POST /api/staff/priorities - active priorities by urgency, for pickers / create (admins)
import { getDb } from "@/db/client";
import { createPrioritySchema, createPriority, listPriorities } from "@/lib/catalog";
import { created, ok } from "@/lib/http/envelope";
import { staffMethodNotAllowed, staffRoute } from "@/lib/http/staff-route";

export const dynamic = "force-dynamic";

export const GET = staffRoute({}, async () => ok(await listPriorities(await getDb())));

export const POST = staffRoute({ permission: "settings.manage", body: createPrioritySchema }, async ({ staff, body }) =>
  created(await createPriority(await getDb(), staff, body), "Priority created"),
);

// Other methods: 405 in the envelope, with Allow.
const notAllowed = staffMethodNotAllowed(["GET", "POST"]);
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
