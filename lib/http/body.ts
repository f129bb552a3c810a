// Reads a request body with a size cap: the declared Content-Length is checked first, then the
// bytes are counted while streaming (a chunked body declares nothing), so an oversized body is
// refused (413) without being held.
import { AppError } from "./errors";

function sizeText(n: number): string {
  const MiB = 1024 * 1024;
  if (n >= MiB) return `${Number.isInteger(n / MiB) ? n / MiB : (n / MiB).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}

export function tooLarge(limit: number): AppError {
  return new AppError("payload_too_large", `Request too large: the limit is ${sizeText(limit)} (${limit.toLocaleString("en-US")} bytes)`);
}

export async function readBodyLimited(req: Request, limit: number): Promise<Buffer> {
  const declared = Number(req.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  if (!req.body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let size = 0;
  const reader = req.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge(limit);
    }
    chunks.push(Buffer.from(value.buffer, value.byteOffset, value.byteLength));
  }
  return Buffer.concat(chunks, size);
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** UTF-8 text of a body; invalid bytes are a 400 rather than silently becoming U+FFFD. */
export function decodeUtf8(bytes: Uint8Array, what = "The request body"): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new AppError("bad_request", `${what} is not valid UTF-8`, { errors: { body: "not valid UTF-8" } });
  }
}
