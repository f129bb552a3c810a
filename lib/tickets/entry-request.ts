// Reads a reply, note or new ticket request: JSON, or a multipart form whose file parts are
// attachments. Over the request size limit (setting maxRequestBytes) is a 413.
import type { FileInput } from "@/lib/attachments";
import { AppError } from "@/lib/http/errors";
import { readBodyLimited } from "@/lib/http/body";
import { cleanText } from "@/lib/http/clean-text";
import type { z } from "zod";
import { parseWith, readJson, rejectUnknownFields } from "@/lib/http/parse";

export interface EntryRequest {
  fields: unknown;
  files: FileInput[];
}

export async function readEntryRequest(req: Request, maxBytes: number): Promise<EntryRequest> {
  const type = req.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("multipart/form-data")) return { fields: await readJson(req, maxBytes), files: [] };
  // Read with the cap first: a chunked body declares no length, and formData() would hold it all.
  const bytes = await readBodyLimited(req, maxBytes);
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(bytes), { headers: { "content-type": type } }).formData();
  } catch (e) {
    throw new AppError("bad_request", `Malformed multipart body: ${(e as Error).message}`);
  }
  const fields: Record<string, string | string[]> = {};
  const files: FileInput[] = [];
  let total = 0;
  for (const [key, value] of form) {
    if (typeof value === "string") {
      const prev = fields[key];
      const text = cleanText(value);
      fields[key] = prev === undefined ? text : [...(Array.isArray(prev) ? prev : [prev]), text];
      continue;
    }
    total += value.size;
    if (total > maxBytes) throw new AppError("payload_too_large", `The files are larger than ${Math.round(maxBytes / 1048576)} MiB together`);
    files.push({ name: cleanText(value.name) || "attachment", contentType: value.type || null, content: Buffer.from(await value.arrayBuffer()) });
  }
  return { fields, files };
}

/**
 * Validates an entry request's fields like staffRoute validates a JSON body: a field the schema
 * does not know (JSON key or multipart field name; file parts are attachments and not fields) is
 * a 400 naming it, before anything is written.
 */
export function parseEntryFields<S extends z.ZodType>(schema: S, fields: unknown, message: string): z.output<S> {
  rejectUnknownFields(schema, fields);
  return parseWith(schema, fields, message);
}
