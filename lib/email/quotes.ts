// Quoted-history detection in replies: offsets of the quote in text and HTML, and the new text only.
import { htmlToText, type HtmlText } from "./html-text";
import type { QuoteInfo } from "./types";

export const DEFAULT_REPLY_SEPARATOR = "-- reply above this line --";

export interface QuoteOptions {
  /** Separator line the product writes above quoted history in outbound mail; null disables it. */
  replySeparator?: string | null;
}

/** Half-open range [start, end) of quoted history. */
export interface QuoteRange {
  start: number;
  end: number;
}

interface Line {
  start: number;
  text: string;
  /** Contains an attribution verb; only such lines (and the two above) can end an attribution. */
  wrote: boolean;
}

const WROTE = "(?:wrote|schrieb|a écrit|a ecrit|escribió|escribio|ha scritto|schreef|escreveu|skrev|pisze|napsal|kirjoitti|написал|написала|yazdı|写道)";
// "On <date>, <name> wrote:" in the languages our clients write in; Gmail wraps it over up to 3 lines.
const ATTRIBUTION = new RegExp(`^\\s*(?:on|am|le|el|il|op|em|den|w dniu|dne|в)\\s[\\s\\S]{3,400}?${WROTE}\\s*:?\\s*$`, "i");
const LOOSE_ATTRIBUTION = new RegExp(`^[^>\\n]{1,200}\\b${WROTE}\\s*:\\s*$`, "i");
const HAS_WROTE = new RegExp(WROTE, "i");
const ORIGINAL_MESSAGE =
  /^\s*[-_=*]{2,}\s*(?:original message|original-nachricht|ursprüngliche nachricht|message d'origine|mensaje original|messaggio originale|oorspronkelijk bericht|originalmeddelande|oprindelig meddelelse|opprinnelig melding|alkuperäinen viesti|wiadomość oryginalna|původní zpráva|mensagem original)\s*[-_=*]{2,}\s*$/i;
const GENERIC_SEPARATOR = /(?:reply|respond|write|type)\b.{0,40}\babove (?:this|the) line/i;
const RULE_LINE = /^\s*(?:_{8,}|-{8,})\s*$/;
const HEADER_FROM = /^\s*[*_]{0,2}(?:from|von|de|van|da|fra|från|od|от|差出人|发件人|寄件者)[*_]{0,2}\s*[:：]/i;
const HEADER_OTHER =
  /^\s*[*_]{0,2}(sent|date|to|cc|subject|gesendet|datum|an|cc|betreff|envoyé|envoye|à|objet|verzonden|aan|onderwerp|enviado|fecha|para|asunto|inviato|data|a|oggetto|sendt|til|emne|skickat|till|ämne|wysłano|do|temat|送信日時|宛先|件名|发送时间|收件人|主题)[*_]{0,2}\s*[:：]/i;

const isBlank = (l: Line) => !/\S/.test(l.text);
const isQuoted = (l: Line) => /^\s*>/.test(l.text);

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const part of text.split("\n")) {
    lines.push({ start, text: part, wrote: HAS_WROTE.test(part) });
    start += part.length + 1;
  }
  return lines;
}

/** Number of lines (1-3) forming an "On … wrote:" attribution at i, or 0. */
function attributionLength(lines: Line[], i: number, loose: boolean): number {
  if (!lines.slice(i, i + 3).some((l) => l.wrote)) return 0;
  let joined = "";
  for (let n = 1; n <= 3 && i + n - 1 < lines.length; n++) {
    const line = lines[i + n - 1];
    if (isBlank(line) || isQuoted(line)) return 0;
    joined = n === 1 ? line.text : `${joined} ${line.text.trim()}`;
    if (ATTRIBUTION.test(joined) || (loose && LOOSE_ATTRIBUTION.test(joined))) return n;
  }
  return 0;
}

function nextNonBlank(lines: Line[], i: number): number {
  while (i < lines.length && isBlank(lines[i])) i++;
  return i;
}

function prevNonBlank(lines: Line[], i: number): number {
  i--;
  while (i >= 0 && isBlank(lines[i])) i--;
  return i;
}

/** Outlook-style "From: / Sent: / To: / Subject:" block starting at i. */
function isHeaderBlock(lines: Line[], i: number): boolean {
  if (!HEADER_FROM.test(lines[i].text)) return false;
  const keys = new Set<string>();
  for (let j = i + 1; j < Math.min(lines.length, i + 7); j++) {
    const m = HEADER_OTHER.exec(lines[j].text);
    if (m) keys.add(m[1].toLowerCase());
  }
  return keys.size >= 2;
}

function isSeparator(line: Line, opts: QuoteOptions): boolean {
  const sep = opts.replySeparator === undefined ? DEFAULT_REPLY_SEPARATOR : opts.replySeparator;
  if (sep && sep.trim() && line.text.toLowerCase().includes(sep.trim().toLowerCase())) return true;
  return GENERIC_SEPARATOR.test(line.text);
}

/** Bottom posting (Thunderbird): attribution and `>` block first, the reply below it. */
function leadingQuote(lines: Line[]): QuoteRange | null {
  const first = nextNonBlank(lines, 0);
  if (first >= lines.length) return null;
  let i = first + attributionLength(lines, first, true);
  let sawQuote = false;
  while (i < lines.length && (isQuoted(lines[i]) || isBlank(lines[i]))) {
    sawQuote ||= isQuoted(lines[i]);
    i++;
  }
  if (!sawQuote || i >= lines.length) return null;
  return { start: lines[first].start, end: lines[i].start };
}

/** Top posting: the first line where quoted history begins; everything below it is history. */
function trailingQuoteStart(lines: Line[], opts: QuoteOptions): number | null {
  let lastUnquoted = -1;
  for (let j = lines.length - 1; j >= 0; j--) {
    if (!isBlank(lines[j]) && !isQuoted(lines[j])) {
      lastUnquoted = j;
      break;
    }
  }
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (isBlank(line)) continue;
    if (isSeparator(line, opts) || ORIGINAL_MESSAGE.test(line.text)) return i;
    if (attributionLength(lines, i, false)) return i;
    const loose = attributionLength(lines, i, true);
    const afterLoose = lines[nextNonBlank(lines, i + loose)];
    if (loose && afterLoose && isQuoted(afterLoose)) return i;
    if (isHeaderBlock(lines, i)) {
      const prev = prevNonBlank(lines, i);
      return prev >= 0 && RULE_LINE.test(lines[prev].text) ? prev : i;
    }
    if (isQuoted(line) && i > lastUnquoted) {
      const prev = prevNonBlank(lines, i);
      return prev >= 0 && /:\s*$/.test(lines[prev].text) && lines[prev].text.length <= 200 ? prev : i;
    }
  }
  return null;
}

/** Finds quoted history in plain text. Returns null when there is none, or nothing new besides it. */
export function findTextQuote(text: string, opts: QuoteOptions = {}): QuoteRange | null {
  const lines = splitLines(text);
  const bottom = leadingQuote(lines);
  if (bottom) return bottom;
  const startLine = trailingQuoteStart(lines, opts);
  if (startLine === null) return null;
  const start = lines[startLine].start;
  if (!/\S/.test(text.slice(0, start))) return null;
  return { start, end: text.length };
}

/** Text without the quoted range, trimmed; the whole text when the range would leave nothing. */
export function removeRange(text: string, range: QuoteRange | null): string {
  if (!range) return text.trim();
  const rest = `${text.slice(0, range.start).trimEnd()}\n\n${text.slice(range.end).trimStart()}`.trim();
  return rest || text.trim();
}

const TAG = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][\w:-]*)([^>]*)>/g;

function attr(attrs: string, name: string): string | null {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i").exec(attrs);
  return m ? (m[1] ?? m[2] ?? m[3] ?? "") : null;
}

type Marker = "container" | "attribution" | "rest";

function markerOf(tag: string, attrs: string): Marker | null {
  const classes = (attr(attrs, "class") ?? "").split(/\s+/);
  const id = attr(attrs, "id") ?? "";
  if (classes.some((c) => ["gmail_quote", "gmail_quote_container", "yahoo_quoted", "protonmail_quote"].includes(c))) return "container";
  if (tag === "blockquote" && (attr(attrs, "type") ?? "").toLowerCase() === "cite") return "container";
  if (classes.includes("moz-cite-prefix")) return "attribution";
  if (["divRplyFwdMsg", "x_divRplyFwdMsg", "OLK_SRC_BODY_SECTION", "appendonsend", "stopSpelling"].includes(id)) return "rest";
  if (classes.includes("OutlookMessageHeader")) return "rest";
  return null;
}

/** End offset of the element whose start tag ends at `from` (matching close tag), or html.length. */
function elementEnd(html: string, tag: string, from: number): number {
  const re = new RegExp(`<(/?)${tag}\\b[^>]*>`, "gi");
  re.lastIndex = from;
  let depth = 1;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    depth += m[1] ? -1 : m[0].endsWith("/>") ? 0 : 1;
    if (depth === 0) return m.index + m[0].length;
  }
  return html.length;
}

const hasText = (html: string) => /\S/.test(htmlToText(html).text);

/** Quote markers that mail clients put into HTML (gmail_quote, blockquote type=cite, divRplyFwdMsg …). */
function structuralQuote(html: string): QuoteRange | null {
  for (const m of html.matchAll(TAG)) {
    if (!m[2] || m[1]) continue;
    const tag = m[2].toLowerCase();
    const marker = markerOf(tag, m[3]);
    if (!marker) continue;
    const start = m.index ?? 0;
    const afterOpen = start + m[0].length;
    if (marker === "rest") return { start, end: html.length };
    let end = tag === "hr" || m[0].endsWith("/>") ? afterOpen : elementEnd(html, tag, afterOpen);
    if (marker === "attribution") {
      const next = /^\s*<blockquote\b[^>]*>/i.exec(html.slice(end).replace(/^(?:\s|<br\s*\/?>)*/i, (s) => " ".repeat(s.length)));
      if (next) end = elementEnd(html, "blockquote", end + next[0].length);
    }
    return hasText(html.slice(end)) ? { start, end } : { start, end: html.length };
  }
  return null;
}

/** Maps a text quote found in the HTML's text rendering back to HTML offsets. */
function textualHtmlQuote(html: string, opts: QuoteOptions, rendered: HtmlText): QuoteRange | null {
  const { text, lines } = rendered;
  const range = findTextQuote(text, opts);
  if (!range) return null;
  const toHtml = (offset: number) => lines.find((l) => l.text >= offset)?.html ?? html.length;
  return { start: toHtml(range.start), end: range.end >= text.length ? html.length : toHtml(range.end) };
}

/** Finds quoted history in (sanitised) HTML; null when there is none or nothing new besides it. */
export function findHtmlQuote(html: string, opts: QuoteOptions = {}, rendered: HtmlText = htmlToText(html)): QuoteRange | null {
  const candidates = [structuralQuote(html), textualHtmlQuote(html, opts, rendered)].filter((r): r is QuoteRange => r !== null);
  candidates.sort((a, b) => a.start - b.start);
  const best = candidates[0];
  if (!best || best.end <= best.start) return null;
  return hasText(html.slice(0, best.start) + html.slice(best.end)) ? best : null;
}

/** The new text of an HTML body: its text rendering with the quoted range cut out. */
export function htmlNewText(html: string, range: QuoteRange | null, rendered: HtmlText = htmlToText(html)): string {
  const full = rendered.text.trim();
  if (!range) return full;
  const rest = htmlToText(html.slice(0, range.start) + html.slice(range.end)).text.trim();
  return rest || full;
}

/**
 * Quote offsets for both bodies and the latest reply only, taken from the part that is displayed
 * (HTML when present). The bodies themselves are never shortened.
 */
export function detectQuote(body: { text: string; html: string | null }, opts: QuoteOptions = {}): { quote: QuoteInfo; newText: string } {
  const textRange = findTextQuote(body.text, opts);
  const rendered = body.html ? htmlToText(body.html) : null;
  const htmlRange = body.html && rendered ? findHtmlQuote(body.html, opts, rendered) : null;
  const newText = body.html && rendered ? htmlNewText(body.html, htmlRange, rendered) : removeRange(body.text, textRange);
  return {
    quote: {
      textStart: textRange?.start ?? null,
      textEnd: textRange?.end ?? null,
      htmlStart: htmlRange?.start ?? null,
      htmlEnd: htmlRange?.end ?? null,
    },
    newText: newText.replace(/\n{3,}/g, "\n\n"),
  };
}

/** One-line preview of the new text. */
export function makePreview(newText: string, max = 280): string {
  const flat = newText.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}
