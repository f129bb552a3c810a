// The inbound-mail webhook: authenticated by INBOUND_EMAIL_SECRET (X-Inbound-Secret header or the
// basic-auth password), body either raw MIME (message/rfc822) or a multipart form whose raw-MIME
// field has one of the names inbound-parse services use.
import { createHash, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/config/env";
import { AppError } from "@/lib/http/errors";
import { readBodyLimited, tooLarge } from "@/lib/intake/body";

export const RAW_MIME_FIELDS = ["email", "body-mime", "raw", "message"] as const;

function same(a: string, b: string): boolean {
  const d = (v: string) => createHash("sha256").update(v).digest();
  return timingSafeEqual(d(a), d(b));
}

export function verifyInboundSecret(req: Request): void {
  const secret = env().INBOUND_EMAIL_SECRET;
  if (!secret) throw new AppError("not_configured", "The inbound mail webhook is not configured: set INBOUND_EMAIL_SECRET");
  let given = req.headers.get("x-inbound-secret") ?? "";
  const auth = req.headers.get("authorization") ?? "";
  if (!given && /^basic /i.test(auth)) {
    const decoded = Buffer.from(auth.slice(6).trim(), "base64").toString("utf8");
    given = decoded.slice(decoded.indexOf(":") + 1);
  }
  if (!given || !same(given, secret)) throw new AppError("unauthorized", "Invalid or missing inbound mail secret", { headers: { "WWW-Authenticate": 'Basic realm="inbound-email"' } });
}

/** The raw message from the request (size-capped). */
export async function readRawMime(req: Request, limit: number): Promise<Buffer> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data/i.test(type)) return readBodyLimited(req, limit);
  const declared = Number(req.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    throw new AppError("bad_request", "Malformed multipart form body", { errors: { body: "malformed multipart form" } });
  }
  for (const name of RAW_MIME_FIELDS) {
    const value = form.get(name);
    if (value === null) continue;
    const bytes = typeof value === "string" ? Buffer.from(value, "utf8") : Buffer.from(await value.arrayBuffer());
    if (bytes.length > limit) throw tooLarge(limit);
    return bytes;
  }
  throw new AppError("bad_request", `No raw message in the form: send it in a field named ${RAW_MIME_FIELDS.join(", ")}`, {
    errors: { body: `expected one of the fields ${RAW_MIME_FIELDS.join(", ")}` },
  });
}
