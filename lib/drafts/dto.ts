// Draft rows -> API shapes. Attachment URLs are the ones the body may link to; they keep
// working once the draft is sent (the files move to the entry with their ids).
import type { attachments, drafts } from "@/db/schema";
import { attachmentUrl } from "@/lib/attachments";

export type DraftRow = typeof drafts.$inferSelect;
type AttachmentRow = typeof attachments.$inferSelect;

export const toDraftAttachment = (a: AttachmentRow) => ({ id: a.id, name: a.name, contentType: a.contentType, size: a.size, url: attachmentUrl(a.id) });

export function toDraft(d: DraftRow, files: AttachmentRow[]) {
  return { id: d.id, namespace: d.namespace, ticketId: d.ticketId, body: d.body, attachments: files.map(toDraftAttachment), createdAt: d.createdAt, updatedAt: d.updatedAt };
}
export type Draft = ReturnType<typeof toDraft>;
