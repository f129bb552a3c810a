// POST /api/tickets.xml - create a ticket from an osTicket-style XML body (X-API-Key)
import { apiKeyRoute, methodNotAllowed } from "@/lib/http/api-key-route";
import { createTicketFromRequest } from "@/lib/intake/service";
import { ticketCreatedResponse } from "@/lib/intake/respond";

export const dynamic = "force-dynamic";

export const POST = apiKeyRoute({ permission: "createTickets" }, async ({ req, db, key, ip }) =>
  ticketCreatedResponse(req, await createTicketFromRequest(db, req, { format: "xml", key, ip })),
);
export const GET = methodNotAllowed(["POST"]);
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
