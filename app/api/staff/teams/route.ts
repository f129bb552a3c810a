// GET|POST /api/staff/teams - active teams with members, for pickers / create (admins)
import { getDb } from "@/db/client";
import { createTeamSchema, createTeam, listTeams } from "@/lib/catalog";
import { created, ok } from "@/lib/http/envelope";
import { staffMethodNotAllowed, staffRoute } from "@/lib/http/staff-route";

export const dynamic = "force-dynamic";

export const GET = staffRoute({}, async ({ staff }) => ok(await listTeams(await getDb(), staff)));

export const POST = staffRoute({ permission: "settings.manage", body: createTeamSchema }, async ({ staff, body }) =>
  created(await createTeam(await getDb(), staff, body), "Team created"),
);

// Other methods: 405 in the envelope, with Allow.
const notAllowed = staffMethodNotAllowed(["GET", "POST"]);
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
