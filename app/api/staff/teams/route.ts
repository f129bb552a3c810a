// GET|POST /api/staff/teams - active teams with members, for pickers / create (admins)
import { getDb } from "@/db/client";
import { createTeamSchema, createTeam, listTeams } from "@/lib/catalog";
import { created, ok } from "@/lib/http/envelope";
import { staffRoute } from "@/lib/http/staff-route";

export const dynamic = "force-dynamic";

export const GET = staffRoute({}, async ({ staff }) => ok(await listTeams(await getDb(), staff)));

export const POST = staffRoute({ permission: "settings.manage", body: createTeamSchema }, async ({ staff, body }) =>
  created(await createTeam(await getDb(), staff, body), "Team created"),
);
