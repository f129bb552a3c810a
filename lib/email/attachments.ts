// Attachment naming, inline (cid:) detection and cid: URL rewriting for stored HTML.
import libmime from "libmime";
import { scrubLine } from "./charset";

const EXTENSION_OVERRIDES: Record<string, string> = {
  "message/rfc822": "eml",
  "message/global": "eml",
  "message/delivery-status": "txt",
  "message/global-delivery-status": "txt",
  "message/disposition-notification": "txt",
  "text/rfc822-headers": "txt",
  "message/global-headers": "txt",
  "application/ms-tnef": "dat",
  "image/jpeg": "jpg",
};

export function extensionFor(contentType: string): string {
  const type = contentType.toLowerCase();
  const ext = EXTENSION_OVERRIDES[type] ?? libmime.detectExtension(type);
  return ext === "bin" && type.startsWith("text/") ? "txt" : ext;
}

/** NFC, no directories, no control characters, at most 200 characters with the extension kept. */
export function cleanFilename(name: string | undefined | null): string {
  if (!name) return "";
  let clean = scrubLine(name.normalize("NFC"))
    .split(/[/\\]/)
    .pop()!
    .replace(/\s+/g, " ")
    .trim();
  if (/^\.+$/.test(clean)) clean = "";
  if (clean.length > 200) {
    const dot = clean.lastIndexOf(".");
    const ext = dot > 0 && clean.length - dot <= 16 ? clean.slice(dot) : "";
    clean = clean.slice(0, 200 - ext.length) + ext;
  }
  return clean;
}

/**
 * The stored name of an attachment. Nameless parts get one: the Content-ID's local part when it
 * already looks like a file of that type (Outlook's `image001.png@01DB…`), else
 * `attachment-<position>.<extension of the content type>`.
 */
export function attachmentName(opts: { filename?: string | null; contentType: string; contentId: string | null; position: number }): string {
  const given = cleanFilename(opts.filename);
  if (given) return given;
  const local = opts.contentId?.split("@")[0] ?? "";
  if (/^[\w.-]{1,100}\.[a-z0-9]{2,5}$/i.test(local)) {
    const guessed = libmime.detectMimeType(local);
    if (guessed !== "application/octet-stream" && guessed.split("/")[0] === opts.contentType.toLowerCase().split("/")[0]) return local;
  }
  return `attachment-${opts.position}.${extensionFor(opts.contentType)}`;
}

export function stripAngles(id: string | undefined | null): string | null {
  const clean = (id ?? "").trim().replace(/^<|>$/g, "").trim();
  return clean || null;
}

function safeDecodeUri(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

const HTML_ESCAPES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&#x27;": "'" };
const unescapeAttr = (s: string) => s.replace(/&(?:amp|lt|gt|quot|#39|#x27);/g, (e) => HTML_ESCAPES[e] ?? e);
const escapeAttr = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Content-IDs referenced as `cid:` anywhere in the HTML, in both their raw and percent-decoded forms. */
export function referencedCids(html: string | null | undefined): Set<string> {
  const out = new Set<string>();
  if (!html) return out;
  for (const m of html.matchAll(/\bcid:([^"'\s<>)]{1,512})/gi)) {
    const raw = unescapeAttr(m[1]);
    out.add(raw);
    out.add(safeDecodeUri(raw));
  }
  return out;
}

/**
 * Replaces every `src="cid:…"` in sanitised HTML with the URL `resolve` gives for that Content-ID,
 * so stored and rendered HTML contains no `cid:`. A reference that resolves to null loses its src
 * (the img keeps its alt text) rather than pointing at nothing.
 */
export function rewriteCidUrls(html: string, resolve: (contentId: string) => string | null): string {
  return html.replace(/(\s)src\s*=\s*(["'])\s*cid:([^"']*)\2/gi, (_m, space: string, _q: string, value: string) => {
    const raw = unescapeAttr(value).trim();
    const url = resolve(raw) ?? (safeDecodeUri(raw) !== raw ? resolve(safeDecodeUri(raw)) : null);
    return url ? `${space}src="${escapeAttr(url)}"` : `${space}data-missing-cid=""`;
  });
}
