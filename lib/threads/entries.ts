// Thread entries: the one place entries are written. Messages come from users, responses and
// notes from staff, system notes from the help desk itself. Each write stores the attachments,
// turns refused files into an internal note, touches the ticket and records the event, all on
// the caller's transaction.
import { eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import type { EntryType, TicketSource } from "@/db/enums";
import { threadEntries, tickets } from "@/db/schema";
import { type AttachmentRow, type DroppedFile, type FileInput, type FilePolicy, copyAttachments, moveAttachments, saveAttachments } from "@/lib/attachments";
import { type EventInput, recordEvent } from "@/lib/events";
import { indexEntry } from "@/lib/search";

export type EntryRow = typeof threadEntries.$inferSelect;

/** A body in both forms. `html` must already be sanitized (or be escaped text). */
export interface EntryBody {
  text: string;
  html: string;
}

/** Email details of an entry that arrived (or left) by mail. */
export interface EntryEmailMeta {
  messageId?: string | null;
  inReplyTo?: string | null;
  references?: string[] | null;
  /** To/Cc as received. */
  recipients?: { to: string[]; cc: string[] } | null;
  /** Selected headers, plus where quoted history sits and the latest-reply preview. */
  headers?: Record<string, unknown> | null;
  quoteStartText?: number | null;
  quoteStartHtml?: number | null;
  hasRemoteImages?: boolean;
  isAutoReply?: boolean;
  isBounce?: boolean;
}

export interface Poster {
  userId?: number | null;
  staffId?: number | null;
  name?: string | null;
  email?: string | null;
}

/** Who did it, for the event: a person, or "api:<prefix>", "email", "system", "cron:<job>". */
export interface Actor {
  staffId?: number | null;
  userId?: number | null;
  actor?: string | null;
}

export interface InsertEntryParams {
  ticketId: number;
  type: EntryType;
  poster: Poster;
  body: EntryBody;
  source?: TicketSource | null;
  email?: EntryEmailMeta;
  files?: FileInput[];
  /** Stored attachments to link (a forwarded file): copied, the originals stay. */
  attachmentIds?: number[];
  /** Stored attachments of no entry yet (a draft's uploads): moved here, keeping their ids. */
  moveAttachmentIds?: number[];
  /** Files refused before they reached us (the MIME parser's over-size parts). */
  droppedEarlier?: DroppedFile[];
  policy: FilePolicy;
  /** Called with the stored attachments to rewrite the HTML (cid: links to attachment URLs). */
  finalizeHtml?: HtmlFinalizer;
}

export type HtmlFinalizer = (saved: AttachmentRow[]) => { html: string; quoteStartHtml?: number | null; headers?: Record<string, unknown> | null } | null;

export interface InsertEntryResult {
  entry: EntryRow;
  attachments: AttachmentRow[];
  dropped: DroppedFile[];
  /** The internal note naming dropped files, when there were any. */
  droppedNote: EntryRow | null;
}

const SYSTEM_POSTER: Poster = { name: "System" };

export function textToHtml(text: string): string {
  const esc = text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
  return esc.replace(/\r?\n/g, "<br>\n");
}

async function insertRow(tx: Executor, p: Omit<InsertEntryParams, "files" | "attachmentIds" | "moveAttachmentIds" | "droppedEarlier" | "policy">): Promise<EntryRow> {
  const e = p.email ?? {};
  const [entry] = await tx
    .insert(threadEntries)
    .values({
      ticketId: p.ticketId,
      type: p.type,
      userId: p.poster.userId ?? null,
      staffId: p.poster.staffId ?? null,
      posterName: p.poster.name?.slice(0, 255) ?? null,
      posterEmail: p.poster.email?.toLowerCase() ?? null,
      source: p.source ?? null,
      bodyText: p.body.text,
      bodyHtml: p.body.html,
      quoteStartText: e.quoteStartText ?? null,
      quoteStartHtml: e.quoteStartHtml ?? null,
      hasRemoteImages: e.hasRemoteImages ?? false,
      isAutoReply: e.isAutoReply ?? false,
      isBounce: e.isBounce ?? false,
      messageId: e.messageId ?? null,
      inReplyTo: e.inReplyTo ?? null,
      references: e.references?.length ? e.references : null,
      recipients: e.recipients ?? null,
      headers: e.headers ?? null,
    })
    .returning();
  await indexEntry(tx, p.ticketId, entry.bodyText, entry.quoteStartText);
  return entry;
}

/** Writes an entry with its attachments; files that are refused become one internal note. */
export async function insertEntry(tx: Executor, p: InsertEntryParams): Promise<InsertEntryResult> {
  const entry = await insertRow(tx, p);
  const saved = p.files?.length
    ? await saveAttachments(tx, { ticketId: p.ticketId, entryId: entry.id, files: p.files, policy: p.policy })
    : { saved: [], dropped: [] };
  if (p.finalizeHtml) {
    const fin = p.finalizeHtml(saved.saved);
    if (fin) {
      const set: Partial<typeof threadEntries.$inferInsert> = { bodyHtml: fin.html };
      if (fin.quoteStartHtml !== undefined) set.quoteStartHtml = fin.quoteStartHtml;
      if (fin.headers !== undefined) set.headers = fin.headers;
      const [updated] = await tx.update(threadEntries).set(set).where(eq(threadEntries.id, entry.id)).returning();
      Object.assign(entry, updated);
    }
  }
  const linked = p.attachmentIds?.length ? await copyAttachments(tx, { attachmentIds: p.attachmentIds, ticketId: p.ticketId, entryId: entry.id }) : [];
  const moved = p.moveAttachmentIds?.length ? await moveAttachments(tx, { attachmentIds: p.moveAttachmentIds, ticketId: p.ticketId, entryId: entry.id }) : [];
  const dropped = [...(p.droppedEarlier ?? []), ...saved.dropped];
  let droppedNote: EntryRow | null = null;
  if (dropped.length) {
    const lines = dropped.map((d) => `- ${d.message}`);
    const text = `Attachment${dropped.length > 1 ? "s" : ""} not stored (from the entry above):\n${lines.join("\n")}`;
    droppedNote = await insertRow(tx, { ticketId: p.ticketId, type: "note", poster: SYSTEM_POSTER, body: { text, html: textToHtml(text) } });
  }
  return { entry, attachments: [...saved.saved, ...linked, ...moved], dropped, droppedNote };
}

/** Bumps the ticket's version and activity times after a new entry. */
export async function touchTicket(
  tx: Executor,
  ticketId: number,
  change: { type: EntryType; answered?: boolean; extra?: Partial<typeof tickets.$inferInsert> },
): Promise<void> {
  const now = new Date();
  await tx
    .update(tickets)
    .set({
      version: sql`${tickets.version} + 1`,
      updatedAt: now,
      ...(change.type === "message" ? { lastMessageAt: now, isAnswered: false } : {}),
      ...(change.type === "response" ? { lastResponseAt: now, isAnswered: change.answered ?? true } : {}),
      ...change.extra,
    })
    .where(eq(tickets.id, ticketId));
}

export async function recordEntryEvent(tx: Executor, ticketId: number, result: InsertEntryResult, actor: Actor, extra?: Partial<EventInput>): Promise<void> {
  await recordEvent(tx, {
    entityType: "ticket",
    entityId: ticketId,
    ticketId,
    action: `${result.entry.type}_added`,
    staffId: actor.staffId ?? null,
    userId: actor.userId ?? null,
    actor: actor.actor ?? null,
    data: {
      entryId: result.entry.id,
      attachments: result.attachments.map((a) => a.id),
      ...(result.dropped.length ? { droppedAttachments: result.dropped } : {}),
      ...(result.entry.messageId ? { messageId: result.entry.messageId } : {}),
    },
    ...extra,
  });
}
