// GET /api/staff/priorities - active priorities by urgency, for pickers
import { getDb } from "@/db/client";
import { listPriorities } from "@/lib/catalog";
import { ok } from "@/lib/http/envelope";
import { staffRoute } from "@/lib/http/staff-route";

export const dynamic = "force-dynamic";

export const GET = staffRoute({}, async () => ok(await listPriorities(await getDb())));
