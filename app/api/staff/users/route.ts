// POST /api/staff/users - add a user (email unique; joins the organization of its domain unless orgId is given)
import { getDb } from "@/db/client";
import { created } from "@/lib/http/envelope";
import { staffRoute } from "@/lib/http/staff-route";
import { createUser, createUserSchema } from "@/lib/users";

export const dynamic = "force-dynamic";

export const POST = staffRoute({ permission: "users.manage", body: createUserSchema }, async ({ staff, body }) => {
  const user = await createUser(await getDb(), staff, body);
  return created(user, `User ${user.name} added`);
});
