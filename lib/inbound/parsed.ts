// From a parsed email to what the thread stores: body, email details, cid: links rewritten to
// our attachment URLs (quote offsets kept in step).
import { createHash } from "node:crypto";
import { type AttachmentRow, attachmentUrl } from "@/lib/attachments";
import type { Settings } from "@/lib/config/settings-schema";
import { type ParsedEmail, parseEmail, rewriteCidUrls } from "@/lib/email";
import { type EntryBody, type EntryEmailMeta, type HtmlFinalizer, textToHtml } from "@/lib/threads";

/** parseEmail reports problems in parseError; should it ever throw, keep what the headers say. */
export async function parseSafely(raw: Buffer, settings: Settings): Promise<ParsedEmail> {
  try {
    return await parseEmail(raw, { maxAttachmentBytes: settings.maxAttachmentBytes, replySeparator: settings.replySeparator });
  } catch (e) {
    const head = raw.subarray(0, 64 * 1024).toString("latin1").split(/\r?\n\r?\n/)[0];
    const header = (name: string) => new RegExp(`^${name}:[ \\t]*(.*(?:\\r?\\n[ \\t].*)*)`, "im").exec(head)?.[1]?.replace(/\s+/g, " ").trim() ?? "";
    const from = /<?([^<>\s"]+@[^<>\s"]+)>?\s*$/.exec(header("From"))?.[1]?.toLowerCase();
    const messageId = /<([^>]+)>/.exec(header("Message-ID"))?.[1] ?? `synthetic-${createHash("sha256").update(raw).digest("hex")}@helpdesk.local`;
    return {
      messageId,
      isSyntheticMessageId: !header("Message-ID"),
      inReplyTo: /<([^>]+)>/.exec(header("In-Reply-To"))?.[1] ?? null,
      references: [...header("References").matchAll(/<([^>]+)>/g)].map((m) => m[1]),
      from: from ? { name: "", address: from } : null,
      sender: null,
      replyTo: [],
      to: [],
      cc: [],
      bcc: [],
      deliveredTo: [],
      subject: header("Subject") || "(unparseable message)",
      date: null,
      text: "The message could not be parsed; the original is attached.",
      html: null,
      hasRemoteImages: false,
      attachments: [],
      droppedAttachments: [],
      headers: {},
      auto: { isAutoReply: false, isBounce: false, kind: "none", reason: null },
      quote: { textStart: null, textEnd: null, htmlStart: null, htmlEnd: null },
      newText: "",
      preview: "",
      parseError: (e as Error).message || "parse failed",
    };
  }
}

export function entryBodyOf(parsed: ParsedEmail): EntryBody {
  return { text: parsed.text, html: parsed.html ?? textToHtml(parsed.text) };
}

export function emailMeta(parsed: ParsedEmail): EntryEmailMeta {
  return {
    messageId: parsed.messageId,
    inReplyTo: parsed.inReplyTo,
    references: parsed.references,
    recipients: { to: parsed.to.map((a) => a.address), cc: parsed.cc.map((a) => a.address) },
    headers: {
      headers: parsed.headers,
      quote: parsed.quote,
      preview: parsed.preview,
      newText: parsed.newText,
      ...(parsed.auto.kind !== "none" ? { auto: { kind: parsed.auto.kind, reason: parsed.auto.reason, bounce: parsed.auto.bounce ?? null } } : {}),
      ...(parsed.parseError ? { parseError: parsed.parseError } : {}),
      ...(parsed.isSyntheticMessageId ? { syntheticMessageId: true } : {}),
    },
    quoteStartText: parsed.quote.textStart,
    quoteStartHtml: parsed.html ? parsed.quote.htmlStart : null,
    hasRemoteImages: parsed.hasRemoteImages,
    isAutoReply: parsed.auto.isAutoReply,
    isBounce: parsed.auto.isBounce,
  };
}

/**
 * Rewrites `cid:` image links to the stored attachments' URLs once their ids are known. The HTML
 * is rewritten in pieces split at the quote offsets so those offsets stay right.
 */
export function htmlFinalizer(parsed: ParsedEmail): HtmlFinalizer | undefined {
  const html = parsed.html;
  if (!html || !/cid:/i.test(html)) return undefined;
  return (saved: AttachmentRow[]) => {
    const byCid = new Map<string, number>();
    for (const a of saved) if (a.contentId) byCid.set(a.contentId.toLowerCase(), a.id);
    const resolve = (cid: string) => {
      const id = byCid.get(cid.toLowerCase());
      return id === undefined ? null : attachmentUrl(id);
    };
    const cuts = [parsed.quote.htmlStart, parsed.quote.htmlEnd].filter((n): n is number => n != null && n > 0 && n < html.length).sort((a, b) => a - b);
    const pieces: string[] = [];
    let last = 0;
    for (const cut of [...cuts, html.length]) {
      pieces.push(rewriteCidUrls(html.slice(last, cut), resolve));
      last = cut;
    }
    const offset = (orig: number | null) => {
      if (orig == null) return null;
      const idx = cuts.indexOf(orig);
      return idx < 0 ? orig : pieces.slice(0, idx + 1).join("").length;
    };
    const quote = { ...parsed.quote, htmlStart: offset(parsed.quote.htmlStart), htmlEnd: parsed.quote.htmlEnd === html.length ? null : offset(parsed.quote.htmlEnd) };
    const out = pieces.join("");
    if (parsed.quote.htmlEnd === html.length) quote.htmlEnd = out.length;
    const meta = emailMeta(parsed).headers as Record<string, unknown>;
    return { html: out, quoteStartHtml: quote.htmlStart, headers: { ...meta, quote } };
  };
}
