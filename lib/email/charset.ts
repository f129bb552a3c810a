// Charset helpers: bytes to UTF-8 with WHATWG label rules, repair of raw 8-bit header bytes, scrubbing.
import { isUtf8 } from "node:buffer";
import { decode as libmimeDecode } from "libmime/lib/charset.js";

const UTF8_LABEL = /^(?:utf-?8|unicode-1-1-utf-8)$/i;
const FALLBACK_CHARSET = "windows-1252";
const ISO2022JP_ESCAPE = /\x1b(?:\$[@B]|\(J|\$\(D)/;

function cleanLabel(charset: string | null | undefined): string {
  return (charset ?? "").trim().replace(/^["']+|["']+$/g, "").trim();
}

/**
 * Decodes bytes declared in `charset`. libmime applies the WHATWG aliases (so `iso-8859-1` and
 * `us-ascii` read as windows-1252 and C1 controls never appear) and handles the Japanese
 * charsets iconv-lite lacks, including the NEC row 13 extensions of CP50220. Bytes that are not
 * valid in the declared charset fall back to windows-1252, which maps every byte.
 */
export function decodeBytes(buf: Buffer, charset?: string | null): string {
  const label = cleanLabel(charset);
  if (label && !UTF8_LABEL.test(label)) {
    const out = libmimeDecode(buf, label);
    if (!out.includes("\uFFFD")) return out;
  }
  if (isUtf8(buf)) return buf.toString("utf8");
  return libmimeDecode(buf, FALLBACK_CHARSET);
}

/** Index of the byte after the header block's terminating empty line, or -1 when there is none. */
export function findHeaderEnd(raw: Buffer, limit = 4 * 1024 * 1024): { headerEnd: number; bodyStart: number } {
  let start = 0;
  const max = Math.min(raw.length, limit);
  while (start < max) {
    const nl = raw.indexOf(0x0a, start);
    if (nl === -1) break;
    const lineLen = nl - start - (nl > start && raw[nl - 1] === 0x0d ? 1 : 0);
    if (lineLen === 0) return { headerEnd: start, bodyStart: nl + 1 };
    start = nl + 1;
  }
  return { headerEnd: raw.length, bodyStart: raw.length };
}

/**
 * The charset that raw 8-bit header bytes were most likely written in: the one of the message's
 * first text part (mail clients that skip RFC 2047 write headers in the body's charset).
 */
export function guessHeaderCharset(raw: Buffer, headerEnd: number): string {
  const head = raw.subarray(0, headerEnd).toString("latin1").replace(/\r?\n[ \t]+/g, " ");
  const own = /^content-type:[^\n]*?charset\s*=\s*"?([\w.:+-]+)/im.exec(head);
  let label = own?.[1];
  if (!label) {
    const body = raw.subarray(headerEnd, headerEnd + 64 * 1024).toString("latin1").replace(/\r?\n[ \t]+/g, " ");
    label = /^content-type:\s*text\/[^\n]*?charset\s*=\s*"?([\w.:+-]+)/im.exec(body)?.[1];
  }
  if (!label || UTF8_LABEL.test(label)) return FALLBACK_CHARSET;
  return label;
}

/**
 * Rewrites header lines that are not valid UTF-8 (or carry raw ISO-2022-JP escapes) into UTF-8,
 * decoding them with the text part's charset. mailparser reads header bytes as UTF-8 and would
 * otherwise turn `Fr\xF6sche` into `Fr\uFFFDsche`. Lines that are valid UTF-8 are left alone.
 */
export function repairHeaderBytes(raw: Buffer): Buffer {
  const { headerEnd } = findHeaderEnd(raw);
  const header = raw.subarray(0, headerEnd);
  if (isUtf8(header) && !header.includes(0x1b)) return raw;
  const charset = guessHeaderCharset(raw, headerEnd);
  const out: Buffer[] = [];
  let start = 0;
  while (start < header.length) {
    let nl = header.indexOf(0x0a, start);
    if (nl === -1) nl = header.length - 1;
    const line = header.subarray(start, nl + 1);
    if (isUtf8(line) && !line.includes(0x1b)) {
      out.push(line);
    } else {
      const latin = line.toString("latin1");
      const lineCharset = ISO2022JP_ESCAPE.test(latin) ? "ISO-2022-JP" : charset;
      out.push(Buffer.from(decodeBytes(line, lineCharset), "utf8"));
    }
    start = nl + 1;
  }
  out.push(raw.subarray(headerEnd));
  return Buffer.concat(out);
}

/** Decodes lines carrying raw ISO-2022-JP escape sequences that reached us undecoded (mislabelled us-ascii). */
export function decodeStrayIso2022jp(s: string): string {
  if (!s.includes("\x1b")) return s;
  return s
    .split("\n")
    .map((line) => (ISO2022JP_ESCAPE.test(line) && /^[\x00-\x7f]*$/.test(line) ? libmimeDecode(Buffer.from(line, "latin1"), "ISO-2022-JP") : line))
    .join("\n");
}

/**
 * Normalises a body string for storage: LF line ends, stray ISO-2022-JP decoded, and no control
 * characters besides tab and LF (PostgreSQL rejects NUL; ESC and friends only garble the panel).
 */
export function scrubText(s: string): string {
  return decodeStrayIso2022jp(s.replace(/\r\n?/g, "\n")).replace(/[\x00-\x08\x0b-\x1f\x7f]/g, "");
}

/** Like scrubText, for single-line values (names, subjects, file names): no line breaks either. */
export function scrubLine(s: string): string {
  return decodeStrayIso2022jp(s).replace(/[\x00-\x08\x0a-\x1f\x7f]/g, (c) => (c === "\n" || c === "\r" ? " " : ""));
}
