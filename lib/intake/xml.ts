// XML request bodies as osTicket documents them:
//   <ticket alert="true" source="API"><name>…</name><message type="text/html"><![CDATA[…]]></message>
//   <attachments><file name="a.png" type="image/png" encoding="base64">…</file></attachments></ticket>
// The declared encoding is honoured. Document type declarations are removed before parsing, so
// entity declarations never expand and external entities never resolve (fast-xml-parser reads no
// files or URLs in any case).
import iconv from "iconv-lite";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { AppError } from "@/lib/http/errors";

const malformed = (detail: string) => new AppError("bad_request", `Malformed XML: ${detail}`, { errors: { body: `Malformed XML: ${detail}` } });

/** Decodes the bytes using the BOM or the XML declaration's encoding (UTF-8 by default). */
export function decodeXml(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString("utf8");
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return iconv.decode(bytes.subarray(2), "utf-16le");
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return iconv.decode(bytes.subarray(2), "utf-16be");
  const head = bytes.subarray(0, 200).toString("latin1");
  const decl = /^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head);
  const encoding = decl?.[1]?.toLowerCase() ?? "utf-8";
  if (!iconv.encodingExists(encoding)) throw malformed(`unsupported encoding "${decl?.[1]}" in the XML declaration`);
  return iconv.decode(bytes, encoding);
}

/** Removes `<!DOCTYPE …>` including an internal subset, wherever quotes or brackets nest. */
export function stripDoctype(xml: string): string {
  const start = xml.search(/<!DOCTYPE/i);
  if (start < 0) return xml;
  let depth = 0;
  let quote: string | null = null;
  for (let i = start + 9; i < xml.length; i++) {
    const c = xml[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === "[") depth++;
    else if (c === "]") depth--;
    else if (c === ">" && depth <= 0) return stripDoctype(xml.slice(0, start) + xml.slice(i + 1));
  }
  throw malformed("unterminated DOCTYPE declaration");
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  textNodeName: "#text",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  // Only XML's five named entities, plus numeric character references (&#233; &#xE9;).
  htmlEntities: { amp: "&", apos: "'", gt: ">", lt: "<", quot: '"' } as unknown as boolean,
  isArray: (_name, jpath) => jpath === "ticket.attachments.file",
});

export interface XmlMessage {
  kind: "xml-message";
  content: string;
  type?: string;
  encoding?: string;
  charset?: string;
}

function textOf(node: unknown): string {
  if (node === undefined || node === null) return "";
  if (typeof node === "object") {
    const t = (node as Record<string, unknown>)["#text"];
    return t === undefined ? "" : String(t);
  }
  return String(node);
}

function attrs(node: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (node && typeof node === "object") {
    for (const [k, v] of Object.entries(node)) if (k.startsWith("@")) out[k.slice(1).toLowerCase()] = String(v);
  }
  return out;
}

/** Parses an XML ticket into the same shape as a JSON one. */
export function parseXmlRequest(bytes: Buffer): Record<string, unknown> {
  const xml = stripDoctype(decodeXml(bytes)).trim();
  if (!xml) throw malformed("the body is empty");
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw malformed(`${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`);
  let doc: Record<string, unknown>;
  try {
    doc = parser.parse(xml) as Record<string, unknown>;
  } catch (e) {
    throw malformed((e as Error).message);
  }
  const root = doc.ticket;
  if (root === undefined) throw malformed("the root element must be <ticket>");
  const out: Record<string, unknown> = { ...attrs(root) };
  if (root && typeof root === "object") {
    for (const [key, node] of Object.entries(root as Record<string, unknown>)) {
      if (key.startsWith("@") || key === "#text") continue;
      if (key === "message") {
        const a = attrs(node);
        out.message = { kind: "xml-message", content: textOf(node), type: a.type, encoding: a.encoding, charset: a.charset } satisfies XmlMessage;
      } else if (key === "attachments") {
        const files = (node && typeof node === "object" ? (node as Record<string, unknown>).file : undefined) ?? [];
        out.attachments = (files as unknown[]).map((f) => ({ ...attrs(f), data: textOf(f) }));
      } else {
        out[key] = Array.isArray(node) ? node.map(textOf) : textOf(node);
      }
    }
  }
  return out;
}
