// Attachments of thread entries: the policy check, storage of the bytes, the metadata rows.
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { rows } from "@/db/rows";
import type { Executor } from "@/db/client";
import { attachments } from "@/db/schema";
import { type DroppedFile, type FilePolicy, checkFile, cleanFileName } from "./policy";
import { blobStore } from "./store";

export interface FileInput {
  name: string;
  contentType?: string | null;
  content: Buffer;
  /** Content-ID without angle brackets (inline images). */
  contentId?: string | null;
  isInline?: boolean;
}

export type AttachmentRow = typeof attachments.$inferSelect;

export interface SaveResult {
  saved: AttachmentRow[];
  dropped: DroppedFile[];
}

/**
 * Checks each file against the policy, stores the allowed ones and links them to the entry (or
 * to nothing yet: a draft's uploads, linked when the draft is sent).
 */
export async function saveAttachments(
  tx: Executor,
  params: { ticketId: number | null; entryId: number | null; files: FileInput[]; policy: FilePolicy },
): Promise<SaveResult> {
  const dropped: DroppedFile[] = [];
  const keep: Array<FileInput & { name: string; contentType: string }> = [];
  for (const f of params.files) {
    const file = { ...f, name: cleanFileName(f.name), contentType: (f.contentType || "application/octet-stream").toLowerCase().slice(0, 255) };
    const refused = checkFile({ name: file.name, contentType: file.contentType, size: f.content.length }, params.policy);
    if (refused) dropped.push(refused);
    else keep.push(file);
  }
  if (!keep.length) return { saved: [], dropped };
  const hashes = await blobStore().putMany(tx, keep.map((f) => f.content));
  const saved = await tx
    .insert(attachments)
    .values(
      keep.map((f, i) => ({
        ticketId: params.ticketId,
        entryId: params.entryId,
        blobSha256: hashes[i],
        name: f.name,
        contentType: f.contentType,
        size: f.content.length,
        contentId: f.contentId ?? null,
        isInline: f.isInline ?? false,
      })),
    )
    .returning();
  return { saved, dropped };
}

/** Links already stored attachments (a draft's, or another entry's when forwarding) to an entry. */
export async function copyAttachments(
  tx: Executor,
  params: { attachmentIds: number[]; ticketId: number; entryId: number },
): Promise<AttachmentRow[]> {
  if (!params.attachmentIds.length) return [];
  const source = await tx
    .select()
    .from(attachments)
    .where(and(inArray(attachments.id, params.attachmentIds), isNull(attachments.deletedAt)));
  if (!source.length) return [];
  return tx
    .insert(attachments)
    .values(
      source.map((a) => ({
        ticketId: params.ticketId,
        entryId: params.entryId,
        blobSha256: a.blobSha256,
        name: a.name,
        contentType: a.contentType,
        size: a.size,
        contentId: a.contentId,
        isInline: a.isInline,
      })),
    )
    .returning();
}

/**
 * Moves stored attachments that belong to no entry yet (a draft's uploads) to an entry, keeping
 * their ids, so links to them written in the body stay valid.
 */
export async function moveAttachments(
  tx: Executor,
  params: { attachmentIds: number[]; ticketId: number; entryId: number },
): Promise<AttachmentRow[]> {
  if (!params.attachmentIds.length) return [];
  return tx
    .update(attachments)
    .set({ ticketId: params.ticketId, entryId: params.entryId })
    .where(and(inArray(attachments.id, params.attachmentIds), isNull(attachments.entryId), isNull(attachments.ticketId)))
    .returning();
}

/** Deletes attachments that belong to no entry (discarded uploads) and the bytes nothing else uses. */
export async function removeUnlinkedAttachments(tx: Executor, ids: number[]): Promise<{ attachments: number; blobs: number }> {
  if (!ids.length) return { attachments: 0, blobs: 0 };
  const gone = await tx
    .delete(attachments)
    .where(and(inArray(attachments.id, ids), isNull(attachments.entryId)))
    .returning({ sha: attachments.blobSha256 });
  const shas = [...new Set(gone.map((g) => g.sha))];
  const blobs = shas.length
    ? await rows(tx, sql`DELETE FROM blobs b WHERE b.sha256 IN ${shas} AND NOT EXISTS (SELECT 1 FROM attachments a WHERE a.blob_sha256 = b.sha256) RETURNING b.sha256`)
    : [];
  return { attachments: gone.length, blobs: blobs.length };
}

export async function listAttachmentsForEntries(db: Executor, entryIds: number[]): Promise<AttachmentRow[]> {
  if (!entryIds.length) return [];
  return db
    .select()
    .from(attachments)
    .where(and(inArray(attachments.entryId, entryIds), isNull(attachments.deletedAt)))
    .orderBy(asc(attachments.id));
}

export async function getAttachmentById(db: Executor, id: number): Promise<AttachmentRow | null> {
  const [row] = await db.select().from(attachments).where(and(eq(attachments.id, id), isNull(attachments.deletedAt)));
  return row ?? null;
}

/** The bytes of an attachment (empty files are an empty buffer, not null). */
export async function readAttachmentContent(db: Executor, attachment: Pick<AttachmentRow, "blobSha256">): Promise<Buffer | null> {
  return blobStore().get(db, attachment.blobSha256);
}

/** Where staff download an attachment (served by the staff API, scope-checked like its ticket). */
export function attachmentUrl(id: number): string {
  return `/api/staff/attachments/${id}`;
}
