// A staff-written body in both stored forms: HTML is sanitized, text is escaped.
import { htmlToText, sanitizeHtml } from "@/lib/email";
import { type EntryBody, textToHtml } from "@/lib/threads";

export function entryBody(content: string, format: "text" | "html"): EntryBody {
  if (format === "html") {
    const clean = sanitizeHtml(content);
    return { text: htmlToText(clean.html).text.trim(), html: clean.html };
  }
  return { text: content, html: textToHtml(content) };
}
