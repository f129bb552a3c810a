// GET|PATCH|DELETE /api/staff/teams/{id} - one team; edit or deactivate, delete when unused (admins)
import { getDb } from "@/db/client";
import { catalogIdParams, deleteTeam, getTeam, updateTeam, updateTeamSchema } from "@/lib/catalog";
import { ok } from "@/lib/http/envelope";
import { staffMethodNotAllowed, staffRoute } from "@/lib/http/staff-route";

export const dynamic = "force-dynamic";

export const GET = staffRoute({ permission: "settings.manage", params: catalogIdParams }, async ({ params }) => ok(await getTeam(await getDb(), params.id)));

export const PATCH = staffRoute({ permission: "settings.manage", params: catalogIdParams, body: updateTeamSchema }, async ({ staff, params, body }) =>
  ok(await updateTeam(await getDb(), staff, params.id, body), { message: "Team updated" }),
);

export const DELETE = staffRoute({ permission: "settings.manage", params: catalogIdParams }, async ({ staff, params }) => {
  await deleteTeam(await getDb(), staff, params.id);
  return ok({ id: params.id }, { message: "Team deleted" });
});

// Other methods: 405 in the envelope, with Allow.
const notAllowed = staffMethodNotAllowed(["GET", "PATCH", "DELETE"]);
export const POST = notAllowed;
export const PUT = notAllowed;
