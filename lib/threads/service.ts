// Appending to a ticket's thread: user messages, staff responses and notes, system notes.
// Each function runs in one transaction (a savepoint when given one) with its event.
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import type { TicketSource } from "@/db/enums";
import { staff, ticketCollaborators, tickets, users } from "@/db/schema";
import type { DroppedFile, FileInput } from "@/lib/attachments";
import { getSettings } from "@/lib/config/settings";
import { AppError } from "@/lib/http/errors";
import { type QueueMailResult, queueStaffResponse } from "@/lib/mail";
import {
  type Actor,
  type EntryBody,
  type EntryEmailMeta,
  type HtmlFinalizer,
  type InsertEntryResult,
  insertEntry,
  recordEntryEvent,
  textToHtml,
  touchTicket,
} from "./entries";

export interface AppendMessageParams {
  ticketId: number;
  user: { id: number; name: string; email: string };
  body: EntryBody;
  source?: TicketSource;
  email?: EntryEmailMeta;
  files?: FileInput[];
  droppedEarlier?: DroppedFile[];
  actor: Actor;
  /** Extra ticket changes made by this message (e.g. a reopen), recorded on the event. */
  ticketChanges?: Partial<typeof tickets.$inferInsert>;
  /** Display name when the poster is not the requester (marks the message with its sender). */
  posterName?: string | null;
  finalizeHtml?: HtmlFinalizer;
}

/** A message from a user (the requester, a collaborator, or another sender). */
export async function appendMessage(db: Executor, p: AppendMessageParams): Promise<InsertEntryResult> {
  const settings = await getSettings(db);
  return db.transaction(async (tx) => {
    const result = await insertEntry(tx, {
      ticketId: p.ticketId,
      type: "message",
      poster: { userId: p.user.id, name: p.posterName ?? p.user.name, email: p.user.email },
      body: p.body,
      source: p.source ?? "email",
      email: p.email,
      files: p.files,
      droppedEarlier: p.droppedEarlier,
      policy: settings,
      finalizeHtml: p.finalizeHtml,
    });
    // Automatic replies are stored but change nothing: no reopen, not "unanswered".
    if (p.email?.isAutoReply) await touchTicket(tx, p.ticketId, { type: "note", extra: p.ticketChanges });
    else await touchTicket(tx, p.ticketId, { type: "message", extra: p.ticketChanges });
    await recordEntryEvent(tx, p.ticketId, result, { userId: p.user.id, ...p.actor }, p.ticketChanges ? { after: p.ticketChanges } : {});
    return result;
  });
}

export interface PostStaffEntryParams {
  ticketId: number;
  staffId: number;
  type: "response" | "note";
  body: EntryBody;
  files?: FileInput[];
  attachmentIds?: number[];
  /** A draft's uploads, moved to the entry. */
  moveAttachmentIds?: number[];
  source?: TicketSource;
  email?: EntryEmailMeta;
}

/** A staff response or internal note (no mail; see postStaffReply for a mailed response). */
export async function postStaffEntry(db: Executor, p: PostStaffEntryParams): Promise<InsertEntryResult> {
  const settings = await getSettings(db);
  return db.transaction(async (tx) => {
    const [author] = await tx.select({ name: staff.name, email: staff.email }).from(staff).where(eq(staff.id, p.staffId));
    if (!author) throw new AppError("not_found", `Staff ${p.staffId} not found`);
    const result = await insertEntry(tx, {
      ticketId: p.ticketId,
      type: p.type,
      poster: { staffId: p.staffId, name: author.name, email: author.email },
      body: p.body,
      source: p.source ?? "staff",
      email: p.email,
      files: p.files,
      attachmentIds: p.attachmentIds,
      moveAttachmentIds: p.moveAttachmentIds,
      policy: settings,
    });
    await touchTicket(tx, p.ticketId, { type: p.type });
    await recordEntryEvent(tx, p.ticketId, result, { staffId: p.staffId });
    return result;
  });
}

export interface PostStaffReplyParams extends Omit<PostStaffEntryParams, "type"> {
  to: string[];
  cc?: string[];
  signature?: boolean;
}

/** A staff response emailed to the chosen recipients (one transaction: entry, event, mail row). */
export async function postStaffReply(db: Executor, p: PostStaffReplyParams): Promise<InsertEntryResult & { mail: QueueMailResult }> {
  const settings = await getSettings(db);
  return db.transaction(async (tx) => {
    const result = await postStaffEntry(tx, { ...p, type: "response" });
    const mail = await queueStaffResponse(tx, {
      settings,
      ticketId: p.ticketId,
      entryId: result.entry.id,
      staffId: p.staffId,
      to: p.to,
      cc: p.cc,
      message: p.body,
      signature: p.signature,
      attachmentIds: result.attachments.filter((a) => !a.isInline).map((a) => a.id),
    });
    return { ...result, entry: mail.mail ? { ...result.entry, messageId: mail.mail.messageId } : result.entry, mail };
  });
}

/** An internal note written by the help desk itself (bounces, dropped files, links). */
export async function postSystemNote(
  db: Executor,
  p: { ticketId: number; text: string; actor: Actor; email?: EntryEmailMeta; files?: FileInput[]; poster?: { name: string; email?: string | null } },
): Promise<InsertEntryResult> {
  const settings = await getSettings(db);
  return db.transaction(async (tx) => {
    const result = await insertEntry(tx, {
      ticketId: p.ticketId,
      type: "note",
      poster: p.poster ?? { name: "System" },
      body: { text: p.text, html: textToHtml(p.text) },
      email: p.email,
      files: p.files,
      policy: settings,
    });
    await touchTicket(tx, p.ticketId, { type: "note" });
    await recordEntryEvent(tx, p.ticketId, result, p.actor);
    return result;
  });
}

/** Who a staff response can go to: the requester and the active collaborators. */
export async function responseRecipients(db: Executor, ticketId: number): Promise<{ owner: { name: string; email: string }; collaborators: Array<{ userId: number; name: string; email: string }> }> {
  const [owner] = await db
    .select({ name: users.name, email: users.email })
    .from(tickets)
    .innerJoin(users, eq(users.id, tickets.userId))
    .where(eq(tickets.id, ticketId));
  if (!owner) throw new AppError("not_found", `Ticket ${ticketId} not found`);
  const collaborators = await db
    .select({ userId: users.id, name: users.name, email: users.email })
    .from(ticketCollaborators)
    .innerJoin(users, eq(users.id, ticketCollaborators.userId))
    .where(and(eq(ticketCollaborators.ticketId, ticketId), eq(ticketCollaborators.isActive, true)));
  return { owner, collaborators };
}
