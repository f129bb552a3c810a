// Sanitised HTML to plain text, remembering where each text line starts in the HTML (for quote offsets).

export interface HtmlTextLine {
  /** Offset of the line's first character in `text`. */
  text: number;
  /** Offset in the HTML where that line begins: the first of the start tags that open it, else its text. */
  html: number;
}

export interface HtmlText {
  text: string;
  lines: HtmlTextLine[];
}

const BLOCK = new Set([
  "address", "blockquote", "body", "caption", "center", "div", "dd", "dl", "dt", "h1", "h2", "h3",
  "h4", "h5", "h6", "hr", "html", "li", "ol", "p", "pre", "table", "tbody", "tfoot", "thead", "tr", "ul",
]);
const CELL = new Set(["td", "th"]);
const SKIP_CONTENT = new Set(["script", "style", "head", "title", "template"]);
const TOKEN = /<!--[\s\S]*?(?:-->|$)|<![^>]*>?|<\/?([a-zA-Z][\w:-]*)[^>]*>?|[^<]+|</g;
const ENTITY = /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|(amp|lt|gt|quot|apos|nbsp));/gi;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

function decodeEntities(s: string): string {
  return s.replace(ENTITY, (m, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name) return NAMED[name.toLowerCase()] ?? m;
    const cp = dec ? Number.parseInt(dec, 10) : Number.parseInt(hex ?? "", 16);
    return cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : "\uFFFD";
  });
}

/**
 * Converts HTML (as produced by sanitizeHtml: well-formed, with `<` and `>` escaped in text and
 * attributes) to readable text. html-to-text cannot tell where a text line sits in the HTML,
 * which quote detection needs to cut the HTML at the same place as the text.
 */
export function htmlToText(html: string): HtmlText {
  // Built as parts: trimming or appending to one growing string is quadratic on large bodies.
  const out: string[] = [];
  let length = 0;
  const lines: HtmlTextLine[] = [];
  let pendingBreaks = 0;
  let lineHasContent = false;
  let openRunStart: number | null = null;
  let skipDepth = 0;
  let preDepth = 0;

  const append = (s: string) => {
    out.push(s);
    length += s.length;
  };
  const trimTrailingSpaces = () => {
    while (out.length) {
      const last = out[out.length - 1];
      const trimmed = last.replace(/[ \t]+$/, "");
      length -= last.length - trimmed.length;
      if (trimmed) {
        out[out.length - 1] = trimmed;
        return;
      }
      out.pop();
    }
  };
  const lineIsEmpty = () => !lineHasContent || pendingBreaks > 0;
  const markOpen = (at: number) => {
    if (openRunStart === null && lineIsEmpty()) openRunStart = at;
  };

  const emit = (chunk: string, at: number) => {
    if (pendingBreaks) {
      trimTrailingSpaces();
      append("\n".repeat(Math.min(pendingBreaks, 2)));
      pendingBreaks = 0;
      lineHasContent = false;
    }
    chunk.split("\n").forEach((part, i) => {
      if (i > 0) {
        append("\n");
        lineHasContent = false;
      }
      if (!part) return;
      if (!lineHasContent) {
        lines.push({ text: length, html: i === 0 ? (openRunStart ?? at) : at });
        lineHasContent = true;
        openRunStart = null;
      }
      append(part);
    });
  };

  for (const m of html.matchAll(TOKEN)) {
    const token = m[0];
    const at = m.index ?? 0;
    const tag = m[1]?.toLowerCase();
    if (token.startsWith("<!")) continue;
    if (tag) {
      const closing = token[1] === "/";
      if (SKIP_CONTENT.has(tag)) {
        skipDepth = Math.max(0, skipDepth + (closing ? -1 : 1));
      } else if (tag === "br") {
        if (length) pendingBreaks += 1;
        lineHasContent = false;
        openRunStart = null;
      } else if (BLOCK.has(tag)) {
        if (tag === "pre") preDepth = Math.max(0, preDepth + (closing ? -1 : 1));
        if (length && lineHasContent) pendingBreaks = Math.max(pendingBreaks, 1);
        if (closing) openRunStart = null;
        else markOpen(at);
      } else if (CELL.has(tag)) {
        if (!closing && lineHasContent && !pendingBreaks) append(" ");
        if (!closing) markOpen(at);
      } else if (!closing) {
        markOpen(at);
      }
      continue;
    }
    if (skipDepth > 0) continue;
    let chunk = decodeEntities(token);
    if (!preDepth) chunk = chunk.replace(/[ \t\r\n\f]+/g, " ");
    if (!preDepth && lineIsEmpty()) chunk = chunk.replace(/^ +/, "");
    if (!chunk) continue;
    emit(chunk, at);
  }

  return { text: out.join("").trimEnd(), lines };
}
