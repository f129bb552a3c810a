// Types of the parsed-email result shared by the intake pipeline, the API and the panel.

export interface EmailAddress {
  /** Display name, decoded, whitespace collapsed; "" when the header gave none. */
  name: string;
  /** Lower-cased address. */
  address: string;
}

export interface EmailAttachment {
  /** Decoded, NFC-normalised, path-free; generated when the part had no name. */
  filename: string;
  contentType: string;
  /** Decoded byte size. */
  size: number;
  /** Hex sha256 over the decoded bytes. */
  sha256: string;
  content: Buffer;
  /** Content-ID without angle brackets. */
  contentId: string | null;
  /** True when the HTML body references the part by `cid:`, whatever its Content-Disposition says. */
  isInline: boolean;
  /** Content-Disposition as sent ("inline" | "attachment"), null when absent. */
  disposition: string | null;
  /** IMAP-style part number, for logs. */
  partId: string | null;
}

export interface DroppedAttachment {
  filename: string;
  contentType: string;
  /** Full decoded size, measured while streaming; the bytes were not kept. */
  size: number;
  sha256: string;
  reason: "too_large";
  /** The limit that was exceeded, in bytes. */
  limit: number;
}

export interface BounceInfo {
  /** Message-ID (no brackets) of the message that could not be delivered. */
  originalMessageId?: string;
  /** Failed recipient address, lower-cased. */
  recipient?: string;
  /** DSN status code, e.g. "5.2.2". */
  status?: string;
  /** DSN action, e.g. "failed" or "delayed". */
  action?: string;
  /** Diagnostic text without the "smtp;" type prefix. */
  diagnostic?: string;
}

export type AutoKind = "none" | "auto-reply" | "bulk" | "list" | "bounce";

export interface AutoInfo {
  /** Machine-generated or mass mail: never answer it automatically. True for bounces too. */
  isAutoReply: boolean;
  /** Delivery failure report. */
  isBounce: boolean;
  kind: AutoKind;
  /** The first rule that matched, for the audit log; null when nothing matched. */
  reason: string | null;
  bounce?: BounceInfo;
}

/**
 * Where quoted history sits in `text` / `html`: the half-open range [start, end). A top-posted
 * reply has end === length; a bottom-posted one (reply below the quote) has start 0-ish and end at
 * the new text. Null when no quote was found. HTML offsets refer to `ParsedEmail.html` as
 * returned; after rewriteCidUrls, call findHtmlQuote on the rewritten HTML for fresh offsets.
 */
export interface QuoteInfo {
  textStart: number | null;
  textEnd: number | null;
  htmlStart: number | null;
  htmlEnd: number | null;
}

export interface ParsedEmail {
  /** Without angle brackets; synthetic (`synthetic-<sha256>@helpdesk.local`) when the message had none. */
  messageId: string;
  isSyntheticMessageId: boolean;
  inReplyTo: string | null;
  /** Without angle brackets, in header order. */
  references: string[];
  from: EmailAddress | null;
  sender: EmailAddress | null;
  replyTo: EmailAddress[];
  to: EmailAddress[];
  cc: EmailAddress[];
  bcc: EmailAddress[];
  /** Envelope recipients from Delivered-To / X-Original-To / Envelope-To, lower-cased. */
  deliveredTo: string[];
  /** Decoded, runs of whitespace collapsed to one space, trimmed; reply prefixes kept. */
  subject: string;
  date: Date | null;
  /** Plain-text body, LF line ends; derived from the HTML when the message has no text part. */
  text: string;
  /** Sanitised HTML (see sanitize.ts) with `cid:` image links still in place; null without an HTML part. */
  html: string | null;
  hasRemoteImages: boolean;
  attachments: EmailAttachment[];
  droppedAttachments: DroppedAttachment[];
  /** Lower-cased header name -> first value, decoded and unfolded; only the headers the pipeline uses. */
  headers: Record<string, string>;
  auto: AutoInfo;
  quote: QuoteInfo;
  /** The latest reply only (quoted history removed), taken from the part that is displayed. */
  newText: string;
  /** newText on one line, at most 280 characters. */
  preview: string;
  /** Set when the message could not be parsed; the rest is a best-effort result. */
  parseError: string | null;
}

export interface ParseEmailOptions {
  /** Attachments larger than this are measured and hashed but not kept. Default 25 MiB. */
  maxAttachmentBytes?: number;
  /** Reply separator line the product writes into outbound mail (default `-- reply above this line --`). */
  replySeparator?: string | null;
  /** MIME parsing that takes longer is abandoned with a parseError. Default 60 s. */
  timeoutMs?: number;
}
