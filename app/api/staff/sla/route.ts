// GET /api/staff/sla - active SLA plans, for pickers
import { getDb } from "@/db/client";
import { listSlaPlans } from "@/lib/catalog";
import { ok } from "@/lib/http/envelope";
import { staffRoute } from "@/lib/http/staff-route";

export const dynamic = "force-dynamic";

export const GET = staffRoute({}, async () => ok(await listSlaPlans(await getDb())));
