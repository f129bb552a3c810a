// GET /api/staff/search - free text plus filters over the caller's tickets, keyset-paginated
import { getDb } from "@/db/client";
import { ok } from "@/lib/http/envelope";
import { staffMethodNotAllowed, staffRoute } from "@/lib/http/staff-route";
import { searchQuerySchema, searchTickets } from "@/lib/search";

export const dynamic = "force-dynamic";

export const GET = staffRoute({ permission: "tickets.view", query: searchQuerySchema }, async ({ staff, query }) => {
  const { cursor, limit, ...criteria } = query;
  const { engine, ...page } = await searchTickets(await getDb(), staff, criteria, { cursor, limit });
  return ok(page, { headers: { "X-Search-Engine": engine } });
});

// Other methods: 405 in the envelope, with Allow.
const notAllowed = staffMethodNotAllowed(["GET"]);
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
