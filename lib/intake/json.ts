// JSON request bodies of the external API. The path picks the format, not the Content-Type:
// `curl -d @ticket.json` sends JSON labelled as a form. A real form body (name=…&email=…) is
// accepted too. A malformed body is a 400 that says where it broke.
import iconv from "iconv-lite";
import { decodeUtf8 } from "@/lib/http/body";
import { cleanReviver, cleanStrings } from "@/lib/http/clean-text";
import { AppError } from "@/lib/http/errors";

function lineColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, position);
  const line = before.split("\n").length;
  return { line, column: position - before.lastIndexOf("\n") };
}

export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text, cleanReviver);
  } catch (e) {
    const msg = (e as Error).message;
    const m = /position (\d+)/.exec(msg);
    const position = m ? Number(m[1]) : text.length;
    const { line, column } = lineColumn(text, position);
    const reason = msg.replace(/\s*(in JSON )?at position \d+.*$/, "").replace(/^JSON\.parse: /, "");
    throw new AppError("bad_request", `Malformed JSON at line ${line}, column ${column} (position ${position}): ${reason}`, {
      errors: { body: `Malformed JSON at line ${line}, column ${column}: ${reason}` },
    });
  }
}

/** The body as text: in the charset its Content-Type names (osTicket clients on Latin-1 systems), else UTF-8, which must be valid. */
function bodyText(body: Buffer, contentType: string | null): string {
  const charset = /;\s*charset="?([^";\s]+)"?/i.exec(contentType ?? "")?.[1]?.toLowerCase();
  if (charset && !["utf-8", "utf8", "us-ascii"].includes(charset)) {
    if (!iconv.encodingExists(charset)) throw new AppError("bad_request", `Unknown charset "${charset}" in Content-Type`, { errors: { "Content-Type": `unknown charset ${charset}` } });
    return iconv.decode(body, charset);
  }
  return decodeUtf8(body);
}

export function parseJsonRequest(body: Buffer, contentType: string | null): Record<string, unknown> {
  const text = bodyText(body, contentType).replace(/^\uFEFF/, "");
  const trimmed = text.trim();
  if (!trimmed) throw new AppError("bad_request", "Empty request body: send the ticket as a JSON object", { errors: { body: "Empty request body" } });
  if (/application\/x-www-form-urlencoded/i.test(contentType ?? "") && !/^[{[]/.test(trimmed)) {
    return cleanStrings(Object.fromEntries(new URLSearchParams(trimmed)));
  }
  const value = parseJsonText(text);
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    throw new AppError("bad_request", "The JSON body must be an object of ticket fields", { errors: { body: "The JSON body must be an object" } });
  }
  return value as Record<string, unknown>;
}
