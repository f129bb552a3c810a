// POST /api/staff/draft/{id}/attachments - add files (multipart) to one of the caller's drafts; the same size and type policy as every attachment
import { getDb } from "@/db/client";
import { scopeOf } from "@/lib/auth";
import { getSettings } from "@/lib/config/settings";
import { addDraftFiles, draftIdParams } from "@/lib/drafts";
import { created } from "@/lib/http/envelope";
import { staffMethodNotAllowed, staffRoute } from "@/lib/http/staff-route";
import { readEntryRequest } from "@/lib/tickets";

export const dynamic = "force-dynamic";

export const POST = staffRoute({ params: draftIdParams }, async ({ req, staff, params }) => {
  const db = await getDb();
  const { files } = await readEntryRequest(req, (await getSettings(db)).maxRequestBytes);
  const r = await addDraftFiles(db, { id: staff.id, scope: scopeOf(staff) }, params.id, files);
  return created(r, r.dropped.length ? `${r.attachments.length} file(s) added, ${r.dropped.length} refused` : `${r.attachments.length} file(s) added`);
});

// Other methods: 405 in the envelope, with Allow.
const notAllowed = staffMethodNotAllowed(["POST"]);
export const GET = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
