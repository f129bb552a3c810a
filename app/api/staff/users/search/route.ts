// GET /api/staff/users/search?q= - users by name or email prefix (case-insensitive), best matches first, at most 25
import { getDb } from "@/db/client";
import { ok } from "@/lib/http/envelope";
import { staffRoute } from "@/lib/http/staff-route";
import { searchUsers, userSearchQuery } from "@/lib/users";

export const dynamic = "force-dynamic";

export const GET = staffRoute({ permission: "users.view", query: userSearchQuery }, async ({ query }) => ok(await searchUsers(await getDb(), query.q)));
