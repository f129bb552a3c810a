// GET /api/staff/outbox - outbound mail, newest first, by status, with counts per status (admins)
import { getDb } from "@/db/client";
import { ok } from "@/lib/http/envelope";
import { staffMethodNotAllowed, staffRoute } from "@/lib/http/staff-route";
import { countOutboxByStatus, listOutboundMail, outboxQuerySchema } from "@/lib/mail";

export const dynamic = "force-dynamic";

export const GET = staffRoute({ permission: "settings.manage", query: outboxQuerySchema }, async ({ query }) => {
  const db = await getDb();
  const [page, counts] = await Promise.all([listOutboundMail(db, query), countOutboxByStatus(db)]);
  return ok({ ...page, counts });
});

// Other methods: 405 in the envelope, with Allow.
const notAllowed = staffMethodNotAllowed(["GET"]);
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
