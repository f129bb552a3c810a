// Drafts: one per staff member and place, saved as they type, only ever visible to their owner
// (404 for anyone else). Uploaded files wait in attachments rows of no entry; sending the reply
// or note moves them to the entry and deletes the draft in the same transaction.
import { and, asc, eq, inArray, isNull, lt, sql } from "drizzle-orm";
import type { Db, Executor } from "@/db/client";
import { attachments, draftAttachments, drafts, tickets } from "@/db/schema";
import { type DroppedFile, type FileInput, removeUnlinkedAttachments, saveAttachments } from "@/lib/attachments";
import { type TicketScope, ticketVisible } from "@/lib/auth";
import { getSettings } from "@/lib/config/settings";
import { AppError } from "@/lib/http/errors";
import { type DraftRow, toDraft, toDraftAttachment } from "./dto";
import type { SaveDraftInput } from "./schemas";

export interface DraftOwner {
  id: number;
  scope: TicketScope;
}

const notFound = (id: number) => new AppError("not_found", `Draft ${id} not found`);

async function filesOf(db: Executor, draftIds: number[]) {
  if (!draftIds.length) return new Map<number, (typeof attachments.$inferSelect)[]>();
  const rows = await db
    .select({ draftId: draftAttachments.draftId, file: attachments })
    .from(draftAttachments)
    .innerJoin(attachments, eq(attachments.id, draftAttachments.attachmentId))
    .where(inArray(draftAttachments.draftId, draftIds))
    .orderBy(asc(attachments.id));
  const map = new Map<number, (typeof attachments.$inferSelect)[]>();
  for (const r of rows) map.set(r.draftId, [...(map.get(r.draftId) ?? []), r.file]);
  return map;
}

async function present(db: Executor, row: DraftRow) {
  return toDraft(row, (await filesOf(db, [row.id])).get(row.id) ?? []);
}

async function ownDraft(db: Executor, staffId: number, id: number, lock = false): Promise<DraftRow> {
  const q = db.select().from(drafts).where(and(eq(drafts.id, id), eq(drafts.staffId, staffId)));
  const [row] = lock ? await q.for("update") : await q;
  if (!row) throw notFound(id);
  return row;
}

/** POST /draft: creates or replaces the caller's draft for the place; `created` tells which. */
export async function saveDraft(db: Db, owner: DraftOwner, input: SaveDraftInput) {
  if (input.ticketId !== null) {
    const [t] = await db
      .select({ id: tickets.id })
      .from(tickets)
      .where(and(eq(tickets.id, input.ticketId), sql`${tickets.status} <> 'deleted'`, ticketVisible(owner.scope)));
    if (!t) throw new AppError("not_found", `Ticket ${input.ticketId} not found`);
  }
  const [row] = await db
    .insert(drafts)
    .values({ staffId: owner.id, namespace: input.namespace, ticketId: input.ticketId, body: input.body })
    .onConflictDoUpdate({ target: [drafts.staffId, drafts.namespace], set: { body: input.body, ticketId: input.ticketId, updatedAt: new Date() } })
    .returning({ id: drafts.id, created: sql<boolean>`xmax = 0` });
  const draft = await present(db, await ownDraft(db, owner.id, row.id));
  return { draft, created: row.created };
}

export async function getDraft(db: Executor, owner: DraftOwner, id: number) {
  return present(db, await ownDraft(db, owner.id, id));
}

/** The caller's draft for a place, or null: having none is the usual case, not an error. */
export async function getDraftByNamespace(db: Executor, owner: DraftOwner, namespace: string) {
  const [row] = await db.select().from(drafts).where(and(eq(drafts.staffId, owner.id), eq(drafts.namespace, namespace)));
  return row ? present(db, row) : null;
}

/** Deletes drafts with the files still waiting in them (not those already sent with an entry). */
async function removeDrafts(tx: Executor, ids: number[]) {
  if (!ids.length) return { drafts: 0, attachments: 0, blobs: 0 };
  const files = await tx.select({ id: draftAttachments.attachmentId }).from(draftAttachments).where(inArray(draftAttachments.draftId, ids));
  const gone = await tx.delete(drafts).where(inArray(drafts.id, ids)).returning({ id: drafts.id });
  const removed = await removeUnlinkedAttachments(tx, files.map((f) => f.id));
  return { drafts: gone.length, ...removed };
}

export async function deleteDraft(db: Db, owner: DraftOwner, id: number) {
  await db.transaction(async (tx) => {
    await ownDraft(tx, owner.id, id, true);
    await removeDrafts(tx, [id]);
  });
}

/** POST /draft/{id}/attachments: stores the files under the attachment policy (size, blocked types). */
export async function addDraftFiles(db: Db, owner: DraftOwner, id: number, files: FileInput[]) {
  if (!files.length) throw AppError.fields({ files: "Attach at least one file" });
  const policy = await getSettings(db);
  return db.transaction(async (tx) => {
    await ownDraft(tx, owner.id, id, true);
    const { saved, dropped } = await saveAttachments(tx, { ticketId: null, entryId: null, files, policy });
    if (!saved.length) throw refused(dropped);
    await tx.insert(draftAttachments).values(saved.map((a) => ({ draftId: id, attachmentId: a.id })));
    await tx.update(drafts).set({ updatedAt: new Date() }).where(eq(drafts.id, id));
    return { attachments: saved.map(toDraftAttachment), dropped };
  });
}

function refused(dropped: DroppedFile[]) {
  return new AppError("validation", "No file was stored", { errors: { files: dropped.map((d) => d.message).join("; ") }, data: { dropped } });
}

/** Whether the attachment is one of the staff member's draft uploads (they may download it). */
export async function draftOwnsAttachment(db: Executor, staffId: number, attachmentId: number): Promise<boolean> {
  const [row] = await db
    .select({ id: drafts.id })
    .from(draftAttachments)
    .innerJoin(drafts, eq(drafts.id, draftAttachments.draftId))
    .where(and(eq(draftAttachments.attachmentId, attachmentId), eq(drafts.staffId, staffId)));
  return !!row;
}

/**
 * Sending an entry from a place: which draft files go with it. By default all the files of the
 * place's draft; `requested` (attachment ids) picks files from any of the sender's drafts, and
 * naming another file is a 400.
 */
export async function draftFilesToSend(tx: Executor, staffId: number, namespace: string, requested?: number[]): Promise<number[]> {
  if (requested) {
    const ids = [...new Set(requested)];
    if (!ids.length) return [];
    const own = await tx
      .select({ id: draftAttachments.attachmentId })
      .from(draftAttachments)
      .innerJoin(drafts, eq(drafts.id, draftAttachments.draftId))
      .innerJoin(attachments, eq(attachments.id, draftAttachments.attachmentId))
      .where(and(inArray(draftAttachments.attachmentId, ids), eq(drafts.staffId, staffId), isNull(attachments.entryId)));
    const missing = ids.filter((i) => !own.some((o) => o.id === i));
    if (missing.length) throw AppError.fields({ attachmentIds: `Not a file of your drafts: ${missing.join(", ")}` });
    return ids;
  }
  const [draft] = await tx.select({ id: drafts.id }).from(drafts).where(and(eq(drafts.staffId, staffId), eq(drafts.namespace, namespace))).for("update");
  if (!draft) return [];
  const files = await tx.select({ id: draftAttachments.attachmentId }).from(draftAttachments).where(eq(draftAttachments.draftId, draft.id)).orderBy(asc(draftAttachments.attachmentId));
  return files.map((f) => f.id);
}

/** After the entry is written (same transaction): the sent files leave their drafts, the place's draft is deleted. */
export async function consumeDraft(tx: Executor, staffId: number, namespace: string, sentIds: number[]): Promise<number | null> {
  if (sentIds.length) await tx.delete(draftAttachments).where(inArray(draftAttachments.attachmentId, sentIds));
  const [draft] = await tx.select({ id: drafts.id }).from(drafts).where(and(eq(drafts.staffId, staffId), eq(drafts.namespace, namespace))).for("update");
  if (!draft) return null;
  await removeDrafts(tx, [draft.id]);
  return draft.id;
}

/** The purge-drafts job: drafts untouched for `draftRetentionDays` (setting, 30) go, with their files. */
export async function purgeOldDrafts(db: Db, now = new Date(), batchSize = 500) {
  const { draftRetentionDays } = await getSettings(db);
  const cutoff = new Date(now.getTime() - draftRetentionDays * 86_400_000);
  const total = { drafts: 0, attachments: 0, blobs: 0 };
  for (;;) {
    const r = await db.transaction(async (tx) => {
      const batch = await tx.select({ id: drafts.id }).from(drafts).where(lt(drafts.updatedAt, cutoff)).orderBy(drafts.id).limit(batchSize).for("update", { skipLocked: true });
      return removeDrafts(tx, batch.map((b) => b.id));
    });
    total.drafts += r.drafts;
    total.attachments += r.attachments;
    total.blobs += r.blobs;
    if (r.drafts < batchSize) return total;
  }
}
