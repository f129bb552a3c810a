// Downloading an attachment: visible when its ticket is (404 otherwise, like the ticket), served
// so an uploaded file can never run as a page of ours: only safe image types are shown inline,
// everything else is a download; nosniff and a sandboxing CSP always.
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { tickets } from "@/db/schema";
import { getAttachmentById, readAttachmentContent } from "@/lib/attachments";
import { can, ticketVisible } from "@/lib/auth";
import { draftOwnsAttachment } from "@/lib/drafts";
import { AppError } from "@/lib/http/errors";
import { type Actor, actorScope } from "./actor";

/** Raster formats browsers render without running anything (SVG is a document: never inline). */
export const INLINE_SAFE_TYPES = new Set(["image/png", "image/jpeg", "image/gif", "image/webp", "image/bmp", "image/avif"]);

export async function getAttachmentForStaff(db: Executor, actor: Actor, id: number) {
  const file = await getAttachmentById(db, id);
  const notFound = new AppError("not_found", `Attachment ${id} not found`);
  if (!file) throw notFound;
  // Not sent yet: a file of a draft, which only its owner sees.
  if (!file.ticketId) {
    if (!file.entryId && (await draftOwnsAttachment(db, actor.id, id))) return withContent(db, file, id);
    throw notFound;
  }
  const [ticket] = await db
    .select({ status: tickets.status })
    .from(tickets)
    .where(and(eq(tickets.id, file.ticketId), ticketVisible(actorScope(actor))));
  if (!ticket || (ticket.status === "deleted" && !can(actor, "tickets.restore"))) throw notFound;
  return withContent(db, file, id);
}

async function withContent<F extends { blobSha256: string }>(db: Executor, file: F, id: number) {
  const content = await readAttachmentContent(db, file);
  if (!content) throw new AppError("gone", `The content of attachment ${id} is no longer stored`);
  return { file, content };
}

/** RFC 6266 / 5987 file name parameters: an ASCII fallback and the exact UTF-8 name. */
export function contentDisposition(kind: "inline" | "attachment", name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

export function downloadHeaders(file: { name: string; contentType: string; size: number; blobSha256: string }, forceDownload = false): Record<string, string> {
  const type = file.contentType.toLowerCase().split(";")[0].trim();
  const inline = !forceDownload && INLINE_SAFE_TYPES.has(type);
  return {
    "Content-Type": inline ? type : type && /^[\w.+-]+\/[\w.+-]+$/.test(type) ? type : "application/octet-stream",
    "Content-Length": String(file.size),
    "Content-Disposition": contentDisposition(inline ? "inline" : "attachment", file.name),
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Cache-Control": "private, max-age=3600",
    ETag: `"${file.blobSha256}"`,
  };
}
