// Subject helpers: whitespace normalisation, reply/forward prefix stripping, ticket-tag extraction.

/**
 * The one whitespace rule for subjects (and display names): every run of whitespace, folding
 * included, becomes one space, and the ends are trimmed. Strict RFC 5322 unfolding would keep
 * `und   die`; nobody means those three spaces.
 */
export function normalizeSubject(subject: string): string {
  return subject
    .replace(/[\x00-\x08\x0a-\x1f\x7f]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

// Reply and forward prefixes of common clients: English, German (AW, WG, Antw), Nordic (SV, VS,
// Vs), Dutch (Antw, Doorst), French (TR), Spanish/Portuguese (RV, Enc, Res), Italian (Rif, Inoltro),
// Polish (Odp, PD), Turkish (YNT, İLT), Chinese (回复, 转发), with optional counters ("Re[2]:").
const PREFIX =
  /^\s*(?:re|fwd?|aw|wg|sv|vs|antw|antwort|doorst|tr|rv|enc|res|rif|inoltro|odp|pd|ynt|ilt|İlt|回复|回覆|答复|转发|轉寄)\s*(?:\[\d+\]|\(\d+\))?\s*[:：]\s*/i;

/** Removes a leading stack of Re:/Fwd:/AW:/SV:/VS:/Antw:/WG:… prefixes; for display and matching only. */
export function stripReplyPrefixes(subject: string): string {
  let s = normalizeSubject(subject);
  for (let i = 0; i < 20; i++) {
    const next = s.replace(PREFIX, "");
    if (next === s) break;
    s = next;
  }
  return s;
}

const BRACKET_TAG = /\[\s*#\s*(\d{1,12})\s*\]/g;
// A bare "#123456" that is not part of a longer token; shorter numbers are too often order or
// issue numbers ("Issue #12") to be taken as a ticket reference.
const BARE_TAG = /(?<![\p{L}\p{N}_#[])#(\d{6,12})(?![\p{N}\]])/gu;

/**
 * Candidate ticket numbers in a subject, most specific first: bracketed `[#123456]` tags (also
 * glued to text, `jams[#123456]still`), then other `#123456` tokens. The caller checks which exist.
 */
export function extractTicketTags(subject: string): string[] {
  const s = normalizeSubject(subject);
  const bracketed = [...s.matchAll(BRACKET_TAG)].map((m) => m[1]);
  const bare = [...s.matchAll(BARE_TAG)].map((m) => m[1]);
  return [...new Set([...bracketed, ...bare])];
}

/** The subject without `[#123456]` tags, e.g. to compare a reply's subject with the ticket's. */
export function stripTicketTags(subject: string): string {
  return normalizeSubject(subject.replace(BRACKET_TAG, " "));
}
