// Outbound mail: queueing (rows first), templates, signed Message-IDs, sending.
export { queueMail, cleanRecipients, SMTP_NOT_CONFIGURED, type QueueMailInput, type QueueMailResult, type OutboundMailRow } from "./queue";
export {
  queueAutoResponse,
  queueNewTicketAlert,
  queueStaffResponse,
  departmentStaff,
  clearDepartmentStaffCache,
  threadingFor,
  taggedSubject,
  ticketUrl,
  type MailPerson,
  type MailTicket,
  type StaffResponseMailParams,
} from "./compose";
export { signedMessageId, plainMessageId, ticketIdFromMessageId, angle } from "./message-id";
export { bareAddress, helpdeskAddresses, mailDomain, mailFrom } from "./addresses";
export { renderBody, renderLine, withReplySeparator, escapeHtml, type TemplateVars } from "./templates";
export { sendQueuedMail, kickMailSender, mailSenderIdle, backoffMs, MAX_ATTEMPTS, type SendSummary } from "./sender";
export { listOutboundMail, requeueMail, type OutboxQuery } from "./outbox";
export { countOutboxByStatus, getOutboundMail, retryMail, type OutboundMailDetail } from "./outbox-admin";
export { outboxIdParams, outboxQuerySchema, type OutboxQueryInput } from "./outbox-schemas";
