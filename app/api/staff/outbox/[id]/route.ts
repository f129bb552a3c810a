// GET /api/staff/outbox/{id} - one outbound mail in full: headers, text and HTML bodies, attachments (admins)
import { getDb } from "@/db/client";
import { ok } from "@/lib/http/envelope";
import { staffMethodNotAllowed, staffRoute } from "@/lib/http/staff-route";
import { getOutboundMail, outboxIdParams } from "@/lib/mail";

export const dynamic = "force-dynamic";

export const GET = staffRoute({ permission: "settings.manage", params: outboxIdParams }, async ({ params }) => ok(await getOutboundMail(await getDb(), params.id)));

// Other methods: 405 in the envelope, with Allow.
const notAllowed = staffMethodNotAllowed(["GET"]);
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
