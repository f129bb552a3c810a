// GET /api/staff/canned/{id}/render?tid= - the response with %{variables} filled for a ticket
import { getDb } from "@/db/client";
import { cannedIdParams, renderCanned, renderCannedQuery } from "@/lib/canned";
import { ok } from "@/lib/http/envelope";
import { staffRoute } from "@/lib/http/staff-route";

export const dynamic = "force-dynamic";

export const GET = staffRoute({ permission: "canned.use", params: cannedIdParams, query: renderCannedQuery }, async ({ staff, params, query }) =>
  ok(await renderCanned(await getDb(), staff, params.id, query.tid)),
);
