// Enum values shared by the database (pgEnum) and input schemas (z.enum).
export const staffRoles = ["admin", "manager", "agent"] as const;
export type StaffRole = (typeof staffRoles)[number];

export const ticketStatuses = [
  "open",
  "awaiting_client",
  "resolved",
  "closed",
  "archived",
  "deleted",
] as const;
export type TicketStatus = (typeof ticketStatuses)[number];
/** Open states: the ticket still needs someone (staff or client). */
export const openStatuses = ["open", "awaiting_client"] as const satisfies readonly TicketStatus[];

export const ticketSources = ["api", "email", "web", "phone", "staff"] as const;
export type TicketSource = (typeof ticketSources)[number];

export const entryTypes = ["message", "response", "note"] as const;
export type EntryType = (typeof entryTypes)[number];

export const urgencyLevels = ["low", "medium", "high", "critical"] as const;
export type UrgencyLevel = (typeof urgencyLevels)[number];

export const mailStatuses = ["queued", "sending", "sent", "failed", "unsent"] as const;
export type MailStatus = (typeof mailStatuses)[number];

export const mailKinds = [
  "auto_response",
  "new_ticket_alert",
  "response",
  "notification",
  "digest",
  "report",
  "other",
] as const;
export type MailKind = (typeof mailKinds)[number];

export const referralKinds = ["staff", "team", "department"] as const;
export type ReferralKind = (typeof referralKinds)[number];

export const ticketNumberFormats = ["random", "sequence"] as const;
export type TicketNumberFormat = (typeof ticketNumberFormats)[number];

export const taskStatuses = ["open", "closed"] as const;
export type TaskStatus = (typeof taskStatuses)[number];
