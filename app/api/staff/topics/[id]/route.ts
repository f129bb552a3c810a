// GET|PATCH|DELETE /api/staff/topics/{id} - one help topic; edit or deactivate, delete when unused (admins)
import { getDb } from "@/db/client";
import { catalogIdParams, deleteTopic, getTopic, updateTopic, updateTopicSchema } from "@/lib/catalog";
import { ok } from "@/lib/http/envelope";
import { staffMethodNotAllowed, staffRoute } from "@/lib/http/staff-route";

export const dynamic = "force-dynamic";

export const GET = staffRoute({ permission: "settings.manage", params: catalogIdParams }, async ({ params }) => ok(await getTopic(await getDb(), params.id)));

export const PATCH = staffRoute({ permission: "settings.manage", params: catalogIdParams, body: updateTopicSchema }, async ({ staff, params, body }) =>
  ok(await updateTopic(await getDb(), staff, params.id, body), { message: "Help topic updated" }),
);

export const DELETE = staffRoute({ permission: "settings.manage", params: catalogIdParams }, async ({ staff, params }) => {
  await deleteTopic(await getDb(), staff, params.id);
  return ok({ id: params.id }, { message: "Help topic deleted" });
});

// Other methods: 405 in the envelope, with Allow.
const notAllowed = staffMethodNotAllowed(["GET", "PATCH", "DELETE"]);
export const POST = notAllowed;
export const PUT = notAllowed;
