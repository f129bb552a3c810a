// Drafts: what staff are writing, per place, until sent. The public surface routes and other domains import.
export { toDraft, type Draft } from "./dto";
export {
  addDraftFiles,
  consumeDraft,
  deleteDraft,
  draftFilesToSend,
  draftOwnsAttachment,
  getDraft,
  getDraftByNamespace,
  purgeOldDrafts,
  saveDraft,
  type DraftOwner,
} from "./service";
export * from "./schemas";
