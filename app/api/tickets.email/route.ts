// POST /api/tickets.email - create a ticket (or add a reply) from a raw RFC 822 message (X-API-Key)
import { getSettings } from "@/lib/config/settings";
import { apiKeyRoute, methodNotAllowed } from "@/lib/http/api-key-route";
import { processInboundEmail } from "@/lib/inbound";
import { emailApiResponse } from "@/lib/inbound/respond";
import { readBodyLimited } from "@/lib/intake/body";

export const dynamic = "force-dynamic";
export const maxDuration = 60;

export const POST = apiKeyRoute({ permission: "createTickets" }, async ({ req, db }) => {
  const raw = await readBodyLimited(req, (await getSettings(db)).maxRequestBytes);
  return emailApiResponse(req, await processInboundEmail(db, raw, { door: "api" }));
});
export const GET = methodNotAllowed(["POST"]);
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
