// POST /api/inbound/email - inbound-mail webhook: raw MIME or a multipart form (X-Inbound-Secret)
import { getDb } from "@/db/client";
import { getSettings } from "@/lib/config/settings";
import { fail } from "@/lib/http/envelope";
import { unavailableIfDbDown } from "@/lib/http/api-key-route";
import { processInboundEmail, readRawMime, verifyInboundSecret } from "@/lib/inbound";
import { webhookResponse } from "@/lib/inbound/respond";

export const dynamic = "force-dynamic";
export const maxDuration = 60;

export async function POST(req: Request): Promise<Response> {
  try {
    verifyInboundSecret(req);
    const db = await getDb();
    const raw = await readRawMime(req, (await getSettings(db)).maxRequestBytes);
    return webhookResponse(await processInboundEmail(db, raw, { door: "webhook" }));
  } catch (e) {
    return fail(unavailableIfDbDown(e));
  }
}
