// `npm run mail:pipe < message.eml`: deliver one message, through the running server's webhook
// when HELPDESK_URL is set, otherwise straight into the database. Exit codes are what mail servers
// expect (sysexits): 0 delivered, 65 no header block, 77 refused, 75 temporary failure (retry).
import type { Db } from "@/db/client";
import { getSettings } from "@/lib/config/settings";
import { hasHeaderBlock } from "@/lib/email";
import { isAppError } from "@/lib/http/errors";
import { formatBytes } from "@/lib/attachments";
import { NO_HEADER_BLOCK, processInboundEmail } from "./process";

export const EXIT = { delivered: 0, noHeaders: 65, refused: 77, tempFail: 75 } as const;

export interface PipeOutcome {
  code: number;
  message: string;
}

/** Delivers into the database. Anything unexpected is temporary: the mail server keeps the message. */
export async function pipeToDatabase(db: Db, raw: Buffer): Promise<PipeOutcome> {
  if (!hasHeaderBlock(raw)) return { code: EXIT.noHeaders, message: NO_HEADER_BLOCK };
  try {
    const { maxRequestBytes } = await getSettings(db);
    if (raw.length > maxRequestBytes) return { code: EXIT.refused, message: `message too large: ${raw.length} bytes, the limit is ${formatBytes(maxRequestBytes)}` };
    const r = await processInboundEmail(db, raw, { door: "pipe" });
    const where = r.number ? ` ticket #${r.number}` : "";
    if (r.outcome === "refused") return { code: r.refusal === "banned" ? EXIT.refused : EXIT.delivered, message: `refused: ${r.reason}` };
    return { code: EXIT.delivered, message: `${r.outcome}${where} (${r.reason})` };
  } catch (e) {
    if (isAppError(e) && e.status === 400) return { code: EXIT.noHeaders, message: e.message };
    if (isAppError(e) && e.status === 413) return { code: EXIT.refused, message: e.message };
    return { code: EXIT.tempFail, message: `temporary failure: ${(e as Error).message}` };
  }
}

/** Delivers through POST /api/inbound/email of a running server. */
export async function pipeToServer(url: string, secret: string | undefined, raw: Buffer, opts: { timeoutMs?: number } = {}): Promise<PipeOutcome> {
  if (!hasHeaderBlock(raw)) return { code: EXIT.noHeaders, message: NO_HEADER_BLOCK };
  if (!secret) return { code: EXIT.tempFail, message: "HELPDESK_URL is set but INBOUND_EMAIL_SECRET is not: the server would refuse the message" };
  let res: Response;
  try {
    res = await fetch(new URL("/api/inbound/email", url), {
      method: "POST",
      headers: { "content-type": "message/rfc822", "x-inbound-secret": secret, accept: "application/json" },
      body: new Uint8Array(raw),
      signal: AbortSignal.timeout(opts.timeoutMs ?? 120_000),
    });
  } catch (e) {
    return { code: EXIT.tempFail, message: `server unreachable (${url}): ${(e as Error).message}` };
  }
  const body = (await res.json().catch(() => ({}))) as { outcome?: string; number?: string; reason?: string; message?: string };
  const detail = body.reason ?? body.message ?? res.statusText;
  if (res.ok) return { code: EXIT.delivered, message: `${body.outcome ?? "delivered"}${body.number ? ` ticket #${body.number}` : ""} (${detail})` };
  if (res.status === 400) return { code: EXIT.noHeaders, message: detail };
  if (res.status === 403 || res.status === 413) return { code: EXIT.refused, message: `refused: ${detail}` };
  // 401/503 (misconfigured secret), 5xx and anything else: keep the message and retry.
  return { code: EXIT.tempFail, message: `server answered ${res.status}: ${detail}` };
}
