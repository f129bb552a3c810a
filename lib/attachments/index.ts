export {
  saveAttachments,
  copyAttachments,
  moveAttachments,
  removeUnlinkedAttachments,
  listAttachmentsForEntries,
  getAttachmentById,
  readAttachmentContent,
  attachmentUrl,
  type FileInput,
  type AttachmentRow,
  type SaveResult,
} from "./service";
export { checkFile, cleanFileName, fileExtensions, formatBytes, isBlockedName, type DroppedFile, type FilePolicy } from "./policy";
export { blobStore, setBlobStore, postgresBlobStore, sha256Of, type BlobStore } from "./store";
