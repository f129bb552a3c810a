// Preparing a stored (already sanitized) entry body for display: the quoted history split off at
// the cut point the intake recorded, and cid: references the intake could not resolve at store
// time pointed at the entry's attachments.
export interface EntryBodyParts {
  main: string;
  quoted: string;
  isHtml: boolean;
}

interface Cuttable {
  bodyHtml: string;
  bodyText: string;
  quoteStartHtml: number | null;
  quoteStartText: number | null;
}

function cut(s: string, at: number | null): [string, string] {
  if (at == null || at <= 0 || at >= s.length) return [s, ""];
  return [s.slice(0, at), s.slice(at)];
}

/** An HTML cut can fall inside a tag's text; move it back to the last tag boundary before it. */
function safeHtmlCut(html: string, at: number | null): number | null {
  if (at == null) return null;
  const lt = html.lastIndexOf("<", at);
  const gt = html.lastIndexOf(">", at - 1);
  return lt > gt ? lt : at;
}

export function splitEntryBody(e: Cuttable): EntryBodyParts {
  if (e.bodyHtml.trim()) {
    const [main, quoted] = cut(e.bodyHtml, safeHtmlCut(e.bodyHtml, e.quoteStartHtml));
    // A body that is nothing but quote (a forward) is shown open.
    return main.replace(/<[^>]*>/g, "").trim() ? { main, quoted, isHtml: true } : { main: e.bodyHtml, quoted: "", isHtml: true };
  }
  const [main, quoted] = cut(e.bodyText, e.quoteStartText);
  return main.trim() ? { main, quoted, isHtml: false } : { main: e.bodyText, quoted: "", isHtml: false };
}

export function inlineCids(html: string, files: { url: string; contentId: string | null }[]): string {
  if (!html.includes("cid:")) return html;
  const byCid = new Map(files.filter((f) => f.contentId).map((f) => [f.contentId!.toLowerCase(), f.url]));
  return html.replace(/(\ssrc=")cid:([^"]*)"/gi, (whole, pre: string, cid: string) => {
    const url = byCid.get(cid.trim().toLowerCase());
    return url ? `${pre}${url}"` : whole;
  });
}
