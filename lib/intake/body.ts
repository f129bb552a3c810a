// Reads a request body with a size cap: the declared Content-Length is checked first, then the
// bytes are counted while streaming, so an oversized body is refused (413) without being held.
import { formatBytes } from "@/lib/attachments";
import { AppError } from "@/lib/http/errors";

export function tooLarge(limit: number): AppError {
  return new AppError("payload_too_large", `Request too large: the limit is ${formatBytes(limit)} (${limit.toLocaleString("en-US")} bytes)`);
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
