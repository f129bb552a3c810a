// Thread entries: the functions other domains use to add to a ticket's thread.
export { appendMessage, postStaffEntry, postStaffReply, postSystemNote, responseRecipients } from "./service";
export type { AppendMessageParams, PostStaffEntryParams, PostStaffReplyParams } from "./service";
export {
  insertEntry,
  touchTicket,
  recordEntryEvent,
  textToHtml,
  type Actor,
  type EntryBody,
  type EntryEmailMeta,
  type EntryRow,
  type HtmlFinalizer,
  type InsertEntryResult,
  type Poster,
} from "./entries";
