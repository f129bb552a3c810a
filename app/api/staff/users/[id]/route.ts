// GET|PUT|DELETE /api/staff/users/{id} - a user with the recent tickets the caller may see; partial edit; delete (refused while they own tickets unless ?tickets=delete, admins)
import { getDb } from "@/db/client";
import { scopeOf } from "@/lib/auth";
import { ok } from "@/lib/http/envelope";
import { staffMethodNotAllowed, staffRoute } from "@/lib/http/staff-route";
import { deleteUser, deleteUserQuery, getUserDetail, updateUser, updateUserSchema, userIdParams } from "@/lib/users";

export const dynamic = "force-dynamic";

export const GET = staffRoute({ permission: "users.view", params: userIdParams }, async ({ staff, params }) =>
  ok(await getUserDetail(await getDb(), scopeOf(staff), params.id)),
);

export const PUT = staffRoute({ permission: "users.manage", params: userIdParams, body: updateUserSchema }, async ({ staff, params, body }) => {
  const { user, changed } = await updateUser(await getDb(), staff, params.id, body);
  return ok({ ...user, changed }, { message: changed.length ? "User updated" : "Nothing changed" });
});

export const DELETE = staffRoute({ permission: "users.delete", params: userIdParams, query: deleteUserQuery }, async ({ staff, params, query }) => {
  const r = await deleteUser(await getDb(), staff, params.id, { withTickets: query.tickets === "delete" });
  return ok(r, { message: r.ticketsDeleted ? `User deleted with ${r.ticketsDeleted} ticket${r.ticketsDeleted === 1 ? "" : "s"}` : "User deleted" });
});

// Other methods: 405 in the envelope, with Allow.
const notAllowed = staffMethodNotAllowed(["GET", "PUT", "DELETE"]);
export const POST = notAllowed;
export const PATCH = notAllowed;
