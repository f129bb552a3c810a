// GET|POST /api/staff/topics - active help topics, for pickers / create (admins)
import { getDb } from "@/db/client";
import { createTopicSchema, createTopic, listTopics } from "@/lib/catalog";
import { created, ok } from "@/lib/http/envelope";
import { staffMethodNotAllowed, staffRoute } from "@/lib/http/staff-route";

export const dynamic = "force-dynamic";

export const GET = staffRoute({}, async ({ staff }) => ok(await listTopics(await getDb(), staff)));

export const POST = staffRoute({ permission: "settings.manage", body: createTopicSchema }, async ({ staff, body }) =>
  created(await createTopic(await getDb(), staff, body), "Help topic created"),
);

// Other methods: 405 in the envelope, with Allow.
const notAllowed = staffMethodNotAllowed(["GET", "POST"]);
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
