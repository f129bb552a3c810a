// GET /api/staff/topics - active help topics, for pickers
import { getDb } from "@/db/client";
import { listTopics } from "@/lib/catalog";
import { ok } from "@/lib/http/envelope";
import { staffRoute } from "@/lib/http/staff-route";

export const dynamic = "force-dynamic";

export const GET = staffRoute({}, async ({ staff }) => ok(await listTopics(await getDb(), staff)));
