// GET /api/staff/departments - active departments (isMember: may transfer into), for pickers
import { getDb } from "@/db/client";
import { listDepartments } from "@/lib/catalog";
import { ok } from "@/lib/http/envelope";
import { staffRoute } from "@/lib/http/staff-route";

export const dynamic = "force-dynamic";

export const GET = staffRoute({}, async ({ staff }) => ok(await listDepartments(await getDb(), staff)));
