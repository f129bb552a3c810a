// Staff responses (mailed to the requester and the collaborators chosen, with signatures; marks
// the ticket answered; optional status change) and internal notes (@mentions recorded for
// notifications). Entries, attachments and mail rows are written through lib/threads. Sending
// consumes the sender's draft of that place (its files go with the entry) in the same transaction.
import { eq } from "drizzle-orm";
import type { Db, Executor } from "@/db/client";
import { tickets } from "@/db/schema";
import type { FileInput } from "@/lib/attachments";
import { consumeDraft, draftFilesToSend, noteDraftNamespace, replyDraftNamespace } from "@/lib/drafts";
import { AppError } from "@/lib/http/errors";
import { postStaffEntry, postStaffReply, responseRecipients } from "@/lib/threads";
import type { Actor } from "./actor";
import { toAttachment } from "./dto";
import { entryBody } from "./entry-body";
import { ticketEvent } from "./events";
import { type TicketRow, lockTicket, ticketTransaction } from "./lock";
import { findMentions } from "./notify";
import type { NoteInput, ReplyInput } from "./schemas";
import { applyStatus } from "./status";

async function finish(tx: Executor, actor: Actor, t: TicketRow, input: Pick<ReplyInput, "status" | "closeTasks">): Promise<TicketRow> {
  const [fresh] = await tx.select().from(tickets).where(eq(tickets.id, t.id));
  if (!input.status || input.status === fresh.status) return fresh;
  return applyStatus(tx, actor, fresh, input.status, undefined, { closeTasks: input.closeTasks });
}

async function chooseRecipients(tx: Executor, ticketId: number, r: ReplyInput["recipients"]) {
  const { owner, collaborators } = await responseRecipients(tx, ticketId);
  if (Array.isArray(r.collaborators)) {
    const unknown = r.collaborators.filter((id) => !collaborators.some((c) => c.userId === id));
    if (unknown.length) throw AppError.fields({ "recipients.collaborators": `Not an active collaborator: ${unknown.join(", ")}` });
  }
  const cc = collaborators.filter((c) => r.collaborators === "all" || (Array.isArray(r.collaborators) && r.collaborators.includes(c.userId)));
  const to = r.user ? [owner.email] : [];
  if (!to.length && !cc.length) throw AppError.fields({ recipients: "Choose at least one recipient" });
  return { to, cc: cc.map((c) => c.email) };
}

export async function replyToTicket(db: Db, actor: Actor, tid: number, input: ReplyInput, files: FileInput[] = []) {
  return ticketTransaction(db, async (tx) => {
    const t = await lockTicket(tx, actor, tid, { expectedVersion: input.expectedVersion, refuseMerged: true });
    if (t.isBudgetLocked) throw new AppError("conflict", `Ticket #${t.number} is budget-locked: internal notes only until a PM unlocks it`);
    const { to, cc } = await chooseRecipients(tx, t.id, input.recipients);
    const place = replyDraftNamespace(t.id);
    const fromDraft = await draftFilesToSend(tx, actor.id, place, input.attachmentIds);
    const body = entryBody(input.body, input.format);
    const posted = await postStaffReply(tx, { ticketId: t.id, staffId: actor.id, body, files, moveAttachmentIds: fromDraft, to, cc, signature: input.signature });
    const draftId = await consumeDraft(tx, actor.id, place, fromDraft);
    const ticket = await finish(tx, actor, t, input);
    const mail = posted.mail.mail;
    return {
      ticket,
      entry: { id: posted.entry.id, type: posted.entry.type, createdAt: posted.entry.createdAt, messageId: posted.entry.messageId, attachments: posted.attachments.map(toAttachment) },
      dropped: posted.dropped,
      draftId,
      mail: mail ? { id: mail.id, status: mail.status, to: mail.to, cc: mail.cc, skipped: posted.mail.skipped } : { id: null, status: null, to: [], cc: [], skipped: posted.mail.skipped },
    };
  });
}

export async function addNote(db: Db, actor: Actor, tid: number, input: NoteInput, files: FileInput[] = []) {
  return ticketTransaction(db, async (tx) => {
    const t = await lockTicket(tx, actor, tid, { expectedVersion: input.expectedVersion, refuseMerged: true });
    const body = entryBody(input.body, input.format);
    const place = noteDraftNamespace(t.id);
    const fromDraft = await draftFilesToSend(tx, actor.id, place, input.attachmentIds);
    const posted = await postStaffEntry(tx, { ticketId: t.id, staffId: actor.id, type: "note", body, files, moveAttachmentIds: fromDraft });
    const draftId = await consumeDraft(tx, actor.id, place, fromDraft);
    const mentions = (await findMentions(tx, body.text)).filter((m) => m.id !== actor.id);
    if (mentions.length) {
      await ticketEvent(tx, actor, t.id, "mentioned", { data: { entryId: posted.entry.id, staffIds: mentions.map((m) => m.id), names: mentions.map((m) => m.name) } });
    }
    const ticket = await finish(tx, actor, t, input);
    return {
      ticket,
      entry: { id: posted.entry.id, type: posted.entry.type, createdAt: posted.entry.createdAt, attachments: posted.attachments.map(toAttachment) },
      dropped: posted.dropped,
      draftId,
      mentions,
    };
  });
}
