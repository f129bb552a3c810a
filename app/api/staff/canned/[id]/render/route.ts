// GET /api/staff/canned/{id}/render?tid= - the response with %{variables} filled for a ticket
import { getDb } from "@/db/client";
import { cannedIdParams, renderCanned, renderCannedQuery } from "@/lib/canned";
import { ok } from "@/lib/http/envelope";
import { staffMethodNotAllowed, staffRoute } from "@/lib/http/staff-route";

export const dynamic = "force-dynamic";

export const GET = staffRoute({ permission: "canned.use", params: cannedIdParams, query: renderCannedQuery }, async ({ staff, params, query }) =>
  ok(await renderCanned(await getDb(), staff, params.id, query.tid)),
);

// Other methods: 405 in the envelope, with Allow.
const notAllowed = staffMethodNotAllowed(["GET"]);
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
