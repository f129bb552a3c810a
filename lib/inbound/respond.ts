// How each door answers a pipeline result.
import { AppError } from "@/lib/http/errors";
import { intakeErrorResponse, prefersJson, textResponse, ticketCreatedResponse } from "@/lib/intake/respond";
import type { InboundResult } from "./process";

function refusalError(r: InboundResult): AppError {
  if (r.refusal === "loop-guard") return new AppError("rate_limited", r.reason, { headers: { "Retry-After": "3600" } });
  if (r.refusal === "no-sender") return new AppError("bad_request", r.reason, { errors: { from: "no sender address" } });
  return new AppError("forbidden", r.reason);
}

/** POST /api/tickets.email: 201 with the ticket's number (new, reply or duplicate), as osTicket. */
export function emailApiResponse(req: Request, r: InboundResult): Response {
  if (r.outcome === "refused") return intakeErrorResponse(req, refusalError(r));
  const data = { number: r.number ?? "", tid: r.tid ?? 0, warnings: [], outcome: r.outcome, reason: r.reason };
  if (!r.number) {
    if (prefersJson(req)) return Response.json({ status: 202, message: "Accepted", data }, { status: 202 });
    return textResponse(202, `Accepted: ${r.reason}`);
  }
  const message = r.outcome === "created" ? "Ticket created" : r.outcome === "duplicate" ? "Duplicate message, ignored" : "Message added to the ticket";
  return ticketCreatedResponse(req, data, message);
}

/** POST /api/inbound/email: 200 {outcome, number, tid}; a banned sender is 403. */
export function webhookResponse(r: InboundResult): Response {
  const body = { outcome: r.outcome, number: r.number, tid: r.tid, reason: r.reason, messageId: r.messageId };
  return Response.json(body, { status: r.outcome === "refused" && r.refusal === "banned" ? 403 : 200, headers: { "cache-control": "no-store" } });
}
