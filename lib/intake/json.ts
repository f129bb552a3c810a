// JSON request bodies of the external API. The path picks the format, not the Content-Type:
// `curl -d @ticket.json` sends JSON labelled as a form. A real form body (name=…&email=…) is
// accepted too. A malformed body is a 400 that says where it broke.
import { AppError } from "@/lib/http/errors";

function lineColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, position);
  const line = before.split("\n").length;
  return { line, column: position - before.lastIndexOf("\n") };
}

export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text);
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

export function parseJsonRequest(body: Buffer, contentType: string | null): Record<string, unknown> {
  const text = body.toString("utf8").replace(/^\uFEFF/, "");
  const trimmed = text.trim();
  if (!trimmed) throw new AppError("bad_request", "Empty request body: send the ticket as a JSON object", { errors: { body: "Empty request body" } });
  if (/application\/x-www-form-urlencoded/i.test(contentType ?? "") && !/^[{[]/.test(trimmed)) {
    return Object.fromEntries(new URLSearchParams(trimmed));
  }
  const value = parseJsonText(text);
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    throw new AppError("bad_request", "The JSON body must be an object of ticket fields", { errors: { body: "The JSON body must be an object" } });
  }
  return value as Record<string, unknown>;
}
