// Staff ticket operations: the public surface other domains and routes import.
export type { Actor } from "./actor";
export { assignTicket, claimTicket, releaseTicket, staffWorksIn } from "./assign";
export { deleteTicket, restoreTicket } from "./delete";
export { attachmentUrl, capabilities, ticketEtag, toAttachment, toTicketSummary, type TicketDetail } from "./dto";
export { editTicket } from "./edit";
export { exportFileName, exportTicketsCsv } from "./export";
export { ticketFilterSql } from "./filters";
export { lockTicket, updateTicket, conflict, type TicketRow } from "./lock";
export { massAction, type MassResult } from "./mass";
export { mergeTickets } from "./merge";
export { purgeDeletedTickets } from "./purge";
export { getTicketDetail, loadTicketHeader, resolveMergedTicket, visibleTicketIds } from "./queries";
export { referTicket, removeReferral } from "./referral";
export { applyStatus, changeTicketStatus, isOpenStatus, statusPatch } from "./status";
export { dueForSla, dueFrom } from "./sla";
export { transferTicket } from "./transfer";
export * from "./schemas";
