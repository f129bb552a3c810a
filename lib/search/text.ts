// Text preparation shared by indexing and querying (pure). PostgreSQL's parser keeps a run of
// Chinese, Japanese or Korean characters as one "word", so a word in the middle of a Japanese
// sentence could never match; runs are rewritten here as overlapping character pairs
// ("請求書" -> "請求 求書"), on both sides, and a query's pairs are matched as a phrase.

const CJK = /[\p{Script_Extensions=Han}\p{Script_Extensions=Hiragana}\p{Script_Extensions=Katakana}\p{Script_Extensions=Hangul}]/u;
const NOT_LETTER = /[\p{P}\p{S}\p{Z}\p{N}]/u;

const isCjk = (ch: string) => CJK.test(ch) && !NOT_LETTER.test(ch);

/** Splits text into CJK runs and the rest, after NFKC (full-width Latin becomes ASCII). */
function segments(text: string): Array<{ cjk: boolean; text: string }> {
  const out: Array<{ cjk: boolean; text: string }> = [];
  for (const ch of text.normalize("NFKC")) {
    const cjk = isCjk(ch);
    const last = out[out.length - 1];
    if (last && last.cjk === cjk) last.text += ch;
    else out.push({ cjk, text: ch });
  }
  return out;
}

/** Overlapping pairs of a CJK run; a single character stays as it is. */
export function cjkPairs(run: string): string[] {
  const chars = [...run];
  if (chars.length < 2) return chars;
  const pairs: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) pairs.push(chars[i] + chars[i + 1]);
  return pairs;
}

/** Text as it is handed to to_tsvector: CJK runs replaced by their pairs, cut to `max` characters. */
export function prepareText(text: string | null | undefined, max = 20_000): string {
  if (!text) return "";
  const cut = text.length > max ? text.slice(0, max) : text;
  return segments(cut)
    .map((s) => (s.cjk ? ` ${cjkPairs(s.text).join(" ")} ` : s.text))
    .join("");
}

export type QueryTerm =
  /** A word; `prefix` for the last word typed. */
  | { kind: "word"; text: string; prefix: boolean }
  /** An email address: one token, matched exactly. */
  | { kind: "email"; text: string }
  /** Consecutive tokens (a quoted phrase, or the pairs of a CJK run). */
  | { kind: "phrase"; words: string[]; prefixLast: boolean };

export interface ParsedQuery {
  terms: QueryTerm[];
  /** Digit tokens that may be ticket numbers (matched exactly against tickets.number). */
  numbers: string[];
  emails: string[];
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const EDGE_PUNCT = /^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu;
const HAS_WORD = /[\p{L}\p{N}]/u;

function wordTerms(chunk: string, isLastChunk: boolean): QueryTerm[] {
  const terms: QueryTerm[] = [];
  const segs = segments(chunk);
  segs.forEach((s, si) => {
    const lastSeg = isLastChunk && si === segs.length - 1;
    if (s.cjk) {
      const pairs = cjkPairs(s.text);
      if (pairs.length === 1) terms.push({ kind: "word", text: pairs[0], prefix: [...pairs[0]].length === 1 });
      else terms.push({ kind: "phrase", words: pairs, prefixLast: false });
      return;
    }
    const tokens = s.text.split(/\s+/).filter(Boolean);
    tokens.forEach((raw, ti) => {
      const last = lastSeg && ti === tokens.length - 1 && !/\s$/.test(s.text);
      const lower = raw.toLowerCase();
      if (EMAIL.test(lower.replace(EDGE_PUNCT, ""))) {
        terms.push({ kind: "email", text: lower.replace(EDGE_PUNCT, "") });
        return;
      }
      const token = lower.replace(EDGE_PUNCT, "");
      if (!HAS_WORD.test(token)) return;
      // Numbers (ticket numbers above all) match exactly, never as a prefix.
      terms.push({ kind: "word", text: token, prefix: last && !/^\d+$/.test(token) });
    });
  });
  return terms;
}

/** The free-text query as terms: quoted phrases, emails, numbers, words (last one as prefix). */
export function parseQuery(q: string | undefined): ParsedQuery {
  const terms: QueryTerm[] = [];
  const text = (q ?? "").normalize("NFKC").trim();
  const parts = text.split(/("[^"]*")/).filter((p) => p.trim() !== "");
  parts.forEach((part, i) => {
    const isLast = i === parts.length - 1;
    if (part.startsWith('"') && part.endsWith('"') && part.length >= 2) {
      const inner = wordTerms(part.slice(1, -1), false);
      const words = inner.flatMap((t) => (t.kind === "word" || t.kind === "email" ? [t.text] : t.words));
      if (words.length === 1) terms.push({ kind: "word", text: words[0], prefix: false });
      else if (words.length > 1) terms.push({ kind: "phrase", words, prefixLast: false });
      return;
    }
    terms.push(...wordTerms(part.replace(/"/g, " "), isLast));
  });
  const numbers = terms.flatMap((t) => (t.kind === "word" && /^\d{1,12}$/.test(t.text) ? [t.text] : []));
  const emails = terms.flatMap((t) => (t.kind === "email" ? [t.text] : []));
  return { terms: terms.slice(0, 32), numbers, emails };
}

const quote = (s: string) => `'${s.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;

/**
 * The terms as to_tsquery('simple', ...) input, every term required. `weights` ("A", "AB")
 * restricts matches to lexemes of those weights (subject only, subject or requester, ...).
 */
export function toTsquery(terms: QueryTerm[], weights = ""): string {
  const w = (prefix: boolean) => (prefix || weights ? `:${prefix ? "*" : ""}${weights}` : "");
  return terms
    .map((t) => {
      if (t.kind === "phrase") return `(${t.words.map((x, i) => quote(x) + w(t.prefixLast && i === t.words.length - 1)).join(" <-> ")})`;
      return quote(t.text) + w(t.kind === "word" && t.prefix);
    })
    .join(" & ");
}
