// parseEmail: raw RFC 822 message to ParsedEmail (mailparser for MIME), best-effort and never throwing.
import { createHash } from "node:crypto";
import { isUtf8 } from "node:buffer";
import { MailParser, parseAddressHeader, type AttachmentStream, type EmailAddress as MailparserAddress, type MessageText } from "mailparser";
import { attachmentName, referencedCids, stripAngles } from "./attachments";
import { classifyAuto } from "./autoreply";
import { decodeBytes, findHeaderEnd, repairHeaderBytes, scrubLine, scrubText } from "./charset";
import {
  decodeHeaderValue,
  extractMessageIds,
  firstHeader,
  firstMessageId,
  hasHeaderBlock,
  parseRawHeaders,
  pickHeaders,
  stripLeadingJunk,
  syntheticMessageId,
  toBuffer,
  type RawHeader,
} from "./headers";
import { htmlToText } from "./html-text";
import { detectQuote, makePreview } from "./quotes";
import { sanitizeHtml } from "./sanitize";
import { normalizeSubject } from "./subject";
import type { DroppedAttachment, EmailAddress, EmailAttachment, ParsedEmail, ParseEmailOptions } from "./types";

export const DEFAULT_MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;
export const DEFAULT_PARSE_TIMEOUT_MS = 60_000;
/** HTML bodies beyond this are not rendered (the text body still is); sanitising them costs seconds. */
const MAX_HTML_CHARS = 5 * 1024 * 1024;
/** mailparser's html-to-text takes about a second a megabyte; larger HTML-only bodies get our plainer conversion. */
const MAX_HTML_TO_TEXT_CHARS = 1024 * 1024;

interface CollectedPart {
  filename?: string;
  contentType: string;
  contentId: string | null;
  disposition: string | null;
  partId: string | null;
  size: number;
  sha256: string;
  content: Buffer | null;
}

interface MimeResult {
  text: string;
  html: string | null;
  parts: CollectedPart[];
}

/**
 * Streams the message through mailparser. Attachments are hashed and measured as they stream;
 * bytes past `maxBytes` are discarded at once, so a 30 MiB part never sits in memory twice.
 */
function runMailParser(raw: Buffer, maxBytes: number, timeoutMs: number): Promise<MimeResult> {
  return new Promise((resolve, reject) => {
    const parser = new MailParser({ checksumAlgo: false, keepDeliveryStatus: true, skipImageLinks: true, maxHtmlLengthToParse: MAX_HTML_TO_TEXT_CHARS });
    const result: MimeResult = { text: "", html: null, parts: [] };
    let settled = false;
    // A parser that stalls must not hold the mail pipe forever; the caller gets a parseError instead.
    const timer = setTimeout(() => {
      fail(new Error(`MIME parsing did not finish within ${timeoutMs} ms`));
      parser.destroy();
    }, timeoutMs);
    timer.unref();
    const fail = (err: unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(err instanceof Error ? err : new Error(String(err)));
    };
    parser.on("error", fail);

    const collect = (att: AttachmentStream, next: () => void) => {
      const hash = createHash("sha256");
      const chunks: Buffer[] = [];
      let size = 0;
      let kept = true;
      att.content.on("data", (chunk: Buffer) => {
        hash.update(chunk);
        size += chunk.length;
        if (!kept) return;
        if (size > maxBytes) {
          kept = false;
          chunks.length = 0;
        } else {
          chunks.push(chunk);
        }
      });
      att.content.once("error", fail);
      att.content.once("end", () => {
        result.parts.push({
          filename: att.filename,
          contentType: (att.contentType || "application/octet-stream").toLowerCase(),
          contentId: stripAngles(att.cid ?? att.contentId),
          disposition: att.contentDisposition ?? null,
          partId: att.partId,
          size,
          sha256: hash.digest("hex"),
          content: kept ? Buffer.concat(chunks, size) : null,
        });
        att.release?.();
        next();
      });
    };

    let reading = false;
    const read = () => {
      reading = true;
      const data = parser.read() as AttachmentStream | MessageText | null;
      if (data === null) {
        reading = false;
        return;
      }
      if (data.type === "attachment") {
        collect(data, read);
        return;
      }
      result.text = data.text ?? "";
      result.html = typeof data.html === "string" ? data.html : null;
      read();
    };
    parser.on("readable", () => {
      if (!reading) read();
    });
    parser.on("end", () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    });
    parser.end(raw);
  });
}

function toAddresses(values: string[]): EmailAddress[] {
  if (!values.length) return [];
  const out: EmailAddress[] = [];
  const walk = (list: MailparserAddress[]) => {
    for (const a of list) {
      if (a.group) walk(a.group);
      else if (a.address && a.address.includes("@")) out.push({ name: normalizeSubject(scrubLine(a.name ?? "")), address: a.address.trim().toLowerCase() });
    }
  };
  try {
    walk(parseAddressHeader(values).value);
  } catch {
    // an unparseable address header yields no addresses rather than no message
  }
  return out;
}

function addressHeader(headers: RawHeader[], ...keys: string[]): EmailAddress[] {
  return toAddresses(headers.filter((h) => keys.includes(h.key)).map((h) => h.value));
}

function parseDate(value: string | undefined): Date | null {
  if (!value) return null;
  const d = new Date(value.replace(/\([^()]*\)/g, " ").replace(/\s+/g, " ").trim());
  return Number.isNaN(d.getTime()) ? null : d;
}

// mailparser renders each inline message/rfc822 part as a header table whose markup is unbalanced
// (`<td></tr>` and a closing `<table>`); without this every later nested message ends up inside it.
function repairNestedMessageTables(html: string): string {
  return html.replace(/(<table class="mp_head">[\s\S]*?)<table>/g, "$1</table>").replace(/<td><\/tr>/g, "</td></tr>");
}

/** Single-part bodies declared UTF-8 (or undeclared) but written in a legacy 8-bit charset. */
function redecodeSinglePart(raw: Buffer, headers: RawHeader[]): string | null {
  const contentType = firstHeader(headers, "content-type") ?? "text/plain";
  if (!/^\s*text\//i.test(contentType) || /^\s*text\/html/i.test(contentType)) return null;
  const declared = /charset\s*=\s*"?([\w.:+-]+)/i.exec(contentType)?.[1];
  if (declared && !/^(?:utf-?8|us-?ascii|ascii)$/i.test(declared)) return null;
  const encoding = (firstHeader(headers, "content-transfer-encoding") ?? "").trim().toLowerCase();
  const { bodyStart } = findHeaderEnd(raw);
  let body = raw.subarray(bodyStart);
  if (encoding === "quoted-printable") {
    const qp = body.toString("latin1").replace(/=\r?\n/g, "");
    body = Buffer.from(qp.replace(/=([0-9a-f]{2})/gi, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16))), "latin1");
  } else if (encoding === "base64") {
    body = Buffer.from(body.toString("latin1"), "base64");
  }
  return isUtf8(body) ? null : decodeBytes(body, "windows-1252");
}

function tidyBody(text: string): string {
  return scrubText(text).replace(/^\s*\n/, "").trimEnd();
}

function baseResult(raw: Buffer, headers: RawHeader[]): Omit<ParsedEmail, "text" | "html" | "hasRemoteImages" | "attachments" | "droppedAttachments" | "auto" | "quote" | "newText" | "preview" | "parseError"> {
  const ownId = firstMessageId(firstHeader(headers, "message-id"));
  const firstFrom = addressHeader(headers, "from")[0] ?? null;
  return {
    messageId: ownId ?? syntheticMessageId(raw),
    isSyntheticMessageId: ownId === null,
    inReplyTo: firstMessageId(firstHeader(headers, "in-reply-to")),
    references: extractMessageIds(headers.filter((h) => h.key === "references").map((h) => h.value).join(" ")),
    from: firstFrom,
    sender: addressHeader(headers, "sender")[0] ?? null,
    replyTo: addressHeader(headers, "reply-to"),
    to: addressHeader(headers, "to"),
    cc: addressHeader(headers, "cc"),
    bcc: addressHeader(headers, "bcc"),
    deliveredTo: [...new Set(addressHeader(headers, "delivered-to", "x-original-to", "envelope-to").map((a) => a.address))],
    subject: normalizeSubject(decodeHeaderValue(firstHeader(headers, "subject") ?? "")),
    date: parseDate(firstHeader(headers, "date")),
    headers: pickHeaders(headers),
  };
}

/** A result for a message mailparser could not handle: headers if any, empty body, the error named. */
function fallbackResult(raw: Buffer, error: unknown): ParsedEmail {
  let base: ReturnType<typeof baseResult>;
  let headers: RawHeader[] = [];
  try {
    headers = hasHeaderBlock(raw) ? parseRawHeaders(raw) : [];
    base = baseResult(raw, headers);
  } catch {
    base = baseResult(raw, []);
  }
  return {
    ...base,
    text: "",
    html: null,
    hasRemoteImages: false,
    attachments: [],
    droppedAttachments: [],
    auto: classifyAuto({ headers, fromAddress: base.from?.address ?? null }),
    quote: { textStart: null, textEnd: null, htmlStart: null, htmlEnd: null },
    newText: "",
    preview: "",
    parseError: error instanceof Error ? error.message : String(error),
  };
}

/**
 * Parses a raw message. Never throws: a message that cannot be parsed comes back with its
 * headers (when readable), an empty body and `parseError` set, so the caller can still open a
 * ticket with the raw message attached.
 *
 * Nested message/rfc822 parts: those sent inline (forwarded mails, the MIME torture test) are
 * rendered below the body — their headers as a small table, their text in `text` and `html`,
 * their files in `attachments` — so they are readable and searchable. A nested message the
 * sender marked `Content-Disposition: attachment` (or none, as in bounces) is kept as an `.eml`
 * attachment, as the sender chose.
 */
export async function parseEmail(input: Buffer | string, opts: ParseEmailOptions = {}): Promise<ParsedEmail> {
  const original = toBuffer(input);
  if (!hasHeaderBlock(original)) return fallbackResult(original, new Error("no RFC 822 header block"));
  try {
    return await buildResult(original, opts);
  } catch (err) {
    return fallbackResult(stripLeadingJunk(original), err);
  }
}

async function buildResult(original: Buffer, opts: ParseEmailOptions): Promise<ParsedEmail> {
  const maxBytes = opts.maxAttachmentBytes ?? DEFAULT_MAX_ATTACHMENT_BYTES;
  const raw = repairHeaderBytes(stripLeadingJunk(original));
  const headers = parseRawHeaders(raw);
  const base = baseResult(raw, headers);
  const mime = await runMailParser(raw, maxBytes, opts.timeoutMs ?? DEFAULT_PARSE_TIMEOUT_MS);

  let text = mime.text;
  if (text.includes("\uFFFD")) text = redecodeSinglePart(raw, headers) ?? text;
  const rawHtml = mime.html && mime.html.length <= MAX_HTML_CHARS ? repairNestedMessageTables(scrubText(mime.html)) : null;
  const sanitized = rawHtml === null ? null : sanitizeHtml(rawHtml);
  const html = sanitized && /\S/.test(sanitized.html) ? sanitized.html : null;
  text = tidyBody(text);
  if (!text && html) text = htmlToText(html).text;

  // Only images the rendered HTML shows count as inline; a cid: the sanitiser removed (CSS,
  // background=) would otherwise hide the part from both the body and the attachment list.
  const cids = referencedCids(html);
  const attachments: EmailAttachment[] = [];
  const droppedAttachments: DroppedAttachment[] = [];
  let deliveryStatus: string | null = null;
  let returnedHeaders: string | null = null;
  mime.parts.forEach((part, index) => {
    const filename = attachmentName({ filename: part.filename, contentType: part.contentType, contentId: part.contentId, position: index + 1 });
    if (part.content === null) {
      droppedAttachments.push({ filename, contentType: part.contentType, size: part.size, sha256: part.sha256, reason: "too_large", limit: maxBytes });
      return;
    }
    if (/^message\/(?:global-)?delivery-status$/.test(part.contentType)) deliveryStatus ??= decodeBytes(part.content);
    if (/^(?:text\/rfc822-headers|message\/rfc822|message\/global-headers)$/.test(part.contentType)) {
      returnedHeaders ??= decodeBytes(part.content.subarray(0, 256 * 1024));
    }
    attachments.push({
      filename,
      contentType: part.contentType,
      size: part.size,
      sha256: part.sha256,
      content: part.content,
      contentId: part.contentId,
      isInline: part.contentId !== null && cids.has(part.contentId),
      disposition: part.disposition,
      partId: part.partId,
    });
  });

  const { bodyStart } = findHeaderEnd(raw);
  const auto = classifyAuto({
    headers,
    fromAddress: base.from?.address ?? null,
    deliveryStatus,
    returnedHeaders,
    rawBody: raw.subarray(bodyStart, bodyStart + 256 * 1024).toString("latin1"),
  });
  const { quote, newText } = detectQuote({ text, html }, { replySeparator: opts.replySeparator });
  return {
    ...base,
    text,
    html,
    hasRemoteImages: sanitized?.hasRemoteImages ?? false,
    attachments,
    droppedAttachments,
    auto,
    quote,
    newText,
    preview: makePreview(newText),
    parseError: null,
  };
}
