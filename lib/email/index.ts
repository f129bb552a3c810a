// Public surface of the email library: parsing, sanitising, quote detection and subject helpers (pure, no database).
export { parseEmail, DEFAULT_MAX_ATTACHMENT_BYTES, DEFAULT_PARSE_TIMEOUT_MS } from "./parse";
export { hasHeaderBlock } from "./headers";
export { rewriteCidUrls } from "./attachments";
export { sanitizeHtml, REMOTE_SRC_ATTR, BLOCKED_IMAGE_PLACEHOLDER, type SanitizedHtml } from "./sanitize";
export {
  detectQuote,
  findTextQuote,
  findHtmlQuote,
  makePreview,
  DEFAULT_REPLY_SEPARATOR,
  type QuoteOptions,
  type QuoteRange,
} from "./quotes";
export { htmlToText } from "./html-text";
export { normalizeSubject, stripReplyPrefixes, extractTicketTags, stripTicketTags } from "./subject";
export { classifyAuto, parseDeliveryStatus } from "./autoreply";
export type {
  ParsedEmail,
  ParseEmailOptions,
  EmailAddress,
  EmailAttachment,
  DroppedAttachment,
  AutoInfo,
  AutoKind,
  BounceInfo,
  QuoteInfo,
} from "./types";
