// Turns a message as received (text, or HTML to sanitize) into the stored body.
import type { EntryBody } from "@/lib/threads";
import { textToHtml } from "@/lib/threads";

// TODO(email-lib): use sanitizeHtml/htmlToText from lib/email once it lands; until then HTML is
// reduced to its text (safe: nothing of the markup survives).
function interimHtmlToText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1\s*>/gi, "")
    .replace(/<br\s*\/?>|<\/(p|div|li|tr|h\d)>/gi, "\n")
    .replace(/<[^>]*>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .trim();
}

export function messageBody(content: string, format: "text" | "html"): EntryBody & { hasRemoteImages: boolean } {
  if (format === "html") {
    const text = interimHtmlToText(content);
    return { text, html: textToHtml(text), hasRemoteImages: false };
  }
  return { text: content, html: textToHtml(content), hasRemoteImages: false };
}
