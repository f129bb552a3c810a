// POST /api/staff/outbox/{id}/retry - put a failed or unsent mail back in the queue and send it (admins)
import { getDb } from "@/db/client";
import { ok } from "@/lib/http/envelope";
import { staffMethodNotAllowed, staffRoute } from "@/lib/http/staff-route";
import { kickMailSender, outboxIdParams, retryMail } from "@/lib/mail";

export const dynamic = "force-dynamic";

export const POST = staffRoute({ permission: "settings.manage", params: outboxIdParams }, async ({ staff, params }) => {
  const mail = await retryMail(await getDb(), staff, params.id);
  kickMailSender(getDb);
  return ok(mail, { message: "Mail queued for sending" });
});

// Other methods: 405 in the envelope, with Allow.
const notAllowed = staffMethodNotAllowed(["POST"]);
export const GET = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
