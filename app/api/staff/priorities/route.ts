// GET|POST /api/staff/priorities - active priorities by urgency, for pickers / create (admins)
import { getDb } from "@/db/client";
import { createPrioritySchema, createPriority, listPriorities } from "@/lib/catalog";
import { created, ok } from "@/lib/http/envelope";
import { staffRoute } from "@/lib/http/staff-route";

export const dynamic = "force-dynamic";

export const GET = staffRoute({}, async () => ok(await listPriorities(await getDb())));

export const POST = staffRoute({ permission: "settings.manage", body: createPrioritySchema }, async ({ staff, body }) =>
  created(await createPriority(await getDb(), staff, body), "Priority created"),
);
