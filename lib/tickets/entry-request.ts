// Reads a reply, note or new ticket request: JSON, or a multipart form whose file parts are
// attachments. Over the request size limit (setting maxRequestBytes) is a 413.
import type { FileInput } from "@/lib/attachments";
import { AppError } from "@/lib/http/errors";
import { readJson } from "@/lib/http/parse";

export interface EntryRequest {
  fields: unknown;
  files: FileInput[];
}

export async function readEntryRequest(req: Request, maxBytes: number): Promise<EntryRequest> {
  const length = Number(req.headers.get("content-length") ?? 0);
  if (length > maxBytes) throw new AppError("payload_too_large", `The request is larger than ${Math.round(maxBytes / 1048576)} MiB`);
  const type = req.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("multipart/form-data")) return { fields: await readJson(req), files: [] };
  let form: FormData;
  try {
    form = await req.formData();
  } catch (e) {
    throw new AppError("bad_request", `Malformed multipart body: ${(e as Error).message}`);
  }
  const fields: Record<string, string | string[]> = {};
  const files: FileInput[] = [];
  let total = 0;
  for (const [key, value] of form) {
    if (typeof value === "string") {
      const prev = fields[key];
      fields[key] = prev === undefined ? value : [...(Array.isArray(prev) ? prev : [prev]), value];
      continue;
    }
    total += value.size;
    if (total > maxBytes) throw new AppError("payload_too_large", `The files are larger than ${Math.round(maxBytes / 1048576)} MiB together`);
    files.push({ name: value.name || "attachment", contentType: value.type || null, content: Buffer.from(await value.arrayBuffer()) });
  }
  return { fields, files };
}
