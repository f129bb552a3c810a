// Turns an API message (text, or HTML to sanitize) into the stored body.
import { htmlToText, sanitizeHtml } from "@/lib/email";
import type { EntryBody } from "@/lib/threads";
import { textToHtml } from "@/lib/threads";

export function messageBody(content: string, format: "text" | "html"): EntryBody & { hasRemoteImages: boolean } {
  if (format === "html") {
    const clean = sanitizeHtml(content);
    return { text: htmlToText(clean.html).text.trim(), html: clean.html, hasRemoteImages: clean.hasRemoteImages };
  }
  return { text: content, html: textToHtml(content), hasRemoteImages: false };
}
