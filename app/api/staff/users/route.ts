// GET|POST /api/staff/users - the newest users first in keyset pages ({items, total, nextCursor}); add a user (email unique; joins the organization of its domain unless orgId is given)
import { getDb } from "@/db/client";
import { created, ok } from "@/lib/http/envelope";
import { staffMethodNotAllowed, staffRoute } from "@/lib/http/staff-route";
import { createUser, createUserSchema, listUsers, listUsersQuery } from "@/lib/users";

export const dynamic = "force-dynamic";

export const GET = staffRoute({ permission: "users.view", query: listUsersQuery }, async ({ query }) => ok(await listUsers(await getDb(), query)));

export const POST = staffRoute({ permission: "users.manage", body: createUserSchema }, async ({ staff, body }) => {
  const user = await createUser(await getDb(), staff, body);
  return created(user, `User ${user.name} added`);
});

// Other methods: 405 in the envelope, with Allow.
const notAllowed = staffMethodNotAllowed(["GET", "POST"]);
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
