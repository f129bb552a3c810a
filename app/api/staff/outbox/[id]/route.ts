// GET /api/staff/outbox/{id} - one outbound mail in full: headers, text and HTML bodies, attachments (admins)
import { getDb } from "@/db/client";
import { ok } from "@/lib/http/envelope";
import { staffRoute } from "@/lib/http/staff-route";
import { getOutboundMail, outboxIdParams } from "@/lib/mail";

export const dynamic = "force-dynamic";

export const GET = staffRoute({ permission: "settings.manage", params: outboxIdParams }, async ({ params }) => ok(await getOutboundMail(await getDb(), params.id)));
