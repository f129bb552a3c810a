// GET /api/staff/teams - active teams with members, for pickers
import { getDb } from "@/db/client";
import { listTeams } from "@/lib/catalog";
import { ok } from "@/lib/http/envelope";
import { staffRoute } from "@/lib/http/staff-route";

export const dynamic = "force-dynamic";

export const GET = staffRoute({}, async ({ staff }) => ok(await listTeams(await getDb(), staff)));
