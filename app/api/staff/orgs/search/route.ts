// GET /api/staff/orgs/search?q= - organizations by name, word or email domain prefix, best matches first, at most 25
import { getDb } from "@/db/client";
import { ok } from "@/lib/http/envelope";
import { directorySearchQuery, searchOrgs } from "@/lib/orgs";
import { staffMethodNotAllowed, staffRoute } from "@/lib/http/staff-route";

export const dynamic = "force-dynamic";

export const GET = staffRoute({ permission: "orgs.view", query: directorySearchQuery }, async ({ query }) => ok(await searchOrgs(await getDb(), query.q)));

// Other methods: 405 in the envelope, with Allow.
const notAllowed = staffMethodNotAllowed(["GET"]);
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
