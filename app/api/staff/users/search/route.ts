// GET /api/staff/users/search?q= - users by name or email prefix (case-insensitive), best matches first, at most 25
import { getDb } from "@/db/client";
import { ok } from "@/lib/http/envelope";
import { staffMethodNotAllowed, staffRoute } from "@/lib/http/staff-route";
import { searchUsers, userSearchQuery } from "@/lib/users";

export const dynamic = "force-dynamic";

export const GET = staffRoute({ permission: "users.view", query: userSearchQuery }, async ({ query }) => ok(await searchUsers(await getDb(), query.q)));

// Other methods: 405 in the envelope, with Allow.
const notAllowed = staffMethodNotAllowed(["GET"]);
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
