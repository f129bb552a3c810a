// Answers of the external API: what osTicket clients parse (a bare ticket number, plain-text
// errors), or the JSON envelope when the request's Accept prefers application/json.
import { errorBody } from "@/lib/http/envelope";
import { type AppError, toAppError } from "@/lib/http/errors";

/** True when Accept ranks application/json above text/plain (ties go to the one listed first). */
export function prefersJson(req: Request): boolean {
  const accept = req.headers.get("accept");
  if (!accept) return false;
  let best: { json: boolean; q: number; order: number } | null = null;
  accept.split(",").forEach((part, order) => {
    const [type, ...params] = part.trim().toLowerCase().split(";");
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) return;
    const json = type === "application/json" || type.endsWith("+json");
    const text = type === "text/plain" || type === "text/*" || type === "*/*";
    if (!json && !text) return;
    if (!best || q > best.q) best = { json, q, order };
  });
  return (best as { json: boolean } | null)?.json ?? false;
}

export function textResponse(status: number, text: string, headers: Record<string, string> = {}): Response {
  return new Response(text.endsWith("\n") ? text : `${text}\n`, {
    status,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", ...headers },
  });
}

export interface Warning {
  field: string;
  message: string;
}

/** 201 with the bare ticket number (osTicket), or the JSON envelope. */
export function ticketCreatedResponse(req: Request, data: { number: string; tid: number; warnings: Warning[]; [k: string]: unknown }, message = "Ticket created", status = 201): Response {
  if (prefersJson(req)) return Response.json({ status, message, data }, { status, headers: { "cache-control": "no-store" } });
  return textResponse(status, data.number);
}

/** The text form of an error: validation errors as osTicket words them, one field a line. */
export function errorText(err: AppError, what = "create new ticket"): string {
  if (err.code === "validation" && err.errors && Object.keys(err.errors).length) {
    const lines = Object.entries(err.errors).map(([field, msg]) => `${field}: ${msg}`);
    return `Unable to ${what}: validation errors:\n${lines.join("\n")}`;
  }
  return err.message;
}

export function intakeErrorResponse(req: Request, e: unknown, what?: string): Response {
  const err = toAppError(e);
  if (prefersJson(req)) return Response.json(errorBody(err), { status: err.status, headers: err.headers });
  return textResponse(err.status, errorText(err, what), err.headers);
}
