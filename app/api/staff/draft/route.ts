// GET|POST /api/staff/draft - the caller's draft for a place (?namespace=ticket.reply.123; data: null when they
// have none there, which is most places); create or replace it ({namespace, body, ticketId?})
import { getDb } from "@/db/client";
import { scopeOf } from "@/lib/auth";
import { draftQuery, getDraftByNamespace, saveDraft, saveDraftSchema } from "@/lib/drafts";
import { ok } from "@/lib/http/envelope";
import { staffMethodNotAllowed, staffRoute } from "@/lib/http/staff-route";

export const dynamic = "force-dynamic";

export const GET = staffRoute({ query: draftQuery }, async ({ staff, query }) => {
  const draft = await getDraftByNamespace(await getDb(), { id: staff.id, scope: scopeOf(staff) }, query.namespace);
  return ok(draft, { message: draft ? "OK" : `No draft for ${query.namespace}` });
});

export const POST = staffRoute({ body: saveDraftSchema }, async ({ staff, body }) => {
  const { draft, created } = await saveDraft(await getDb(), { id: staff.id, scope: scopeOf(staff) }, body);
  return ok(draft, { status: created ? 201 : 200, message: created ? "Draft saved" : "Draft updated" });
});

// Other methods: 405 in the envelope, with Allow.
const notAllowed = staffMethodNotAllowed(["GET", "POST"]);
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
