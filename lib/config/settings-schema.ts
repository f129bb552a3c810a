// Admin-editable settings: names, types and defaults. Pure (no db), so forms can reuse it.
import { z } from "zod";
import { ticketNumberFormats } from "@/db/enums";
import { MAX_DB_ID } from "@/lib/http/ids";

const MiB = 1024 * 1024;

/** Upper bounds of the numeric settings. Jobs and queries compute dates and limits from them, so
 * an unbounded value (100000000 days) would break every run instead of being refused when saved. */
export const settingLimits = {
  days: 36_500,
  bytes: 1024 * MiB,
  perHour: 100_000,
  signInFailures: 10_000,
  collaboratorsPerMail: 100,
} as const;

const days = (min: number) => z.number().int().min(min).max(settingLimits.days, `At most ${settingLimits.days} days`);
const bytes = () => z.number().int().positive().max(settingLimits.bytes, `At most ${settingLimits.bytes} bytes (1 GiB)`);
const perHour = () => z.number().int().min(0).max(settingLimits.perHour, `At most ${settingLimits.perHour} an hour`);
const failures = () => z.number().int().min(1).max(settingLimits.signInFailures, `At most ${settingLimits.signInFailures}`);

/** Closed states a client's reply may reopen; a deleted ticket only comes back through an admin's restore. */
export const reopenableStatuses = ["resolved", "closed", "archived"] as const;

/** The placeholders the mail templates know (lib/mail/compose.ts fills them). */
export const templatePlaceholders = [
  "helpdesk.name",
  "ticket.number",
  "ticket.subject",
  "ticket.id",
  "ticket.url",
  "user.name",
  "user.email",
  "recipient.name",
  "dept.name",
  "staff.name",
  "message",
  "signature",
] as const;

/** Why a template text is wrong (an unclosed or unknown %{placeholder}), or null. */
export function templateProblem(text: string): string | null {
  const known = new Set<string>(templatePlaceholders);
  for (const m of text.matchAll(/%\{([^}]*)(\}?)/g)) {
    if (!m[2] || !/^[a-z0-9_.]+$/i.test(m[1])) return `Unclosed or malformed placeholder "${m[0].slice(0, 40)}": write %{name}`;
    if (!known.has(m[1])) return `Unknown placeholder %{${m[1]}}; known: ${templatePlaceholders.map((p) => `%{${p}}`).join(", ")}`;
  }
  return null;
}

/** An editable outbound mail template; `%{name}` placeholders are filled when a mail is queued. */
const template = (subject: string, body: string) =>
  z.object({ subject: z.string().min(1).max(255).default(subject), body: z.string().min(1).max(20_000).default(body) }).prefault({});

export const settingsSchema = z.object({
  /** "random": 6 random digits (7 once half the space is used); "sequence": 1000, 1001, ... */
  ticketNumberFormat: z.enum(ticketNumberFormats).default("random"),
  helpdeskName: z.string().min(1).max(100).default("Help Desk"),
  timezone: z.string().min(1).default("America/Chicago"),
  replySeparator: z.string().max(200).default("-- reply above this line --"),
  /** Extra addresses that deliver to the help desk (aliases of SUPPORT_EMAIL). */
  supportAddresses: z.array(z.string().email()).default([]),
  /** Banned sender addresses or @domains. */
  banList: z.array(z.string().min(1)).default([]),
  defaultDeptId: z.number().int().positive().max(MAX_DB_ID).nullable().default(null),
  defaultPriorityId: z.number().int().positive().max(MAX_DB_ID).nullable().default(null),
  defaultSlaId: z.number().int().positive().max(MAX_DB_ID).nullable().default(null),
  maxRequestBytes: bytes().default(50 * MiB),
  maxAttachmentBytes: bytes().default(25 * MiB),
  blockedExtensions: z
    .array(z.string().min(1))
    .default(["exe", "bat", "cmd", "com", "scr", "pif", "js", "jse", "vbs", "vbe", "wsf", "msi", "dll", "ps1", "jar", "hta", "lnk"]),
  /** Loop guards: tickets one sender may open per hour, automatic mails one address may receive per
   * hour (staff alerts exempt). 0 means no limit. */
  maxTicketsPerSenderPerHour: perHour().default(20),
  maxAutoMailsPerAddressPerHour: perHour().default(1),
  /** People in To/Cc of a new mail who become the ticket's collaborators (users are created for
   * them); further addresses are left out and a note on the ticket says so. 0 adds none. */
  maxCollaboratorsPerMail: z
    .number()
    .int()
    .min(0)
    .max(settingLimits.collaboratorsPerMail, `At most ${settingLimits.collaboratorsPerMail}`)
    .default(10),
  autoCloseDays: days(0).default(7),
  deletedRetentionDays: days(1).default(30),
  draftRetentionDays: days(1).default(30),
  /** New tickets from users get the auto-response / the department's staff get the new-ticket alert
   * (the API's `autorespond` / `alert` fields can only turn them off for one request). */
  autoRespondNewTickets: z.boolean().default(true),
  alertNewTickets: z.boolean().default(true),
  /** A user's reply to a ticket in one of these statuses reopens it; in any other closed status it
   * opens a new ticket linked to the old one. */
  reopenStatuses: z.array(z.enum(reopenableStatuses)).default(["resolved", "closed"]),
  mailTemplates: z
    .object({
      autoResponse: template(
        "[#%{ticket.number}] %{ticket.subject}",
        "Dear %{recipient.name},\n\nWe received your request and created ticket #%{ticket.number}. A member of our team will get back to you. Reply to this email to add information to the ticket.\n\n%{helpdesk.name}",
      ),
      newTicketAlert: template(
        "New ticket #%{ticket.number}: %{ticket.subject}",
        "%{recipient.name},\n\nA new ticket #%{ticket.number} was opened in %{dept.name} by %{user.name} <%{user.email}>.\n\n%{message}\n\n%{ticket.url}",
      ),
      staffResponse: template("[#%{ticket.number}] %{ticket.subject}", "%{message}\n\n%{signature}"),
    })
    .prefault({}),
  /** Sign-in throttling: failures (within the lock period) that lock an account or a client address. */
  signInMaxFailuresPerAccount: failures().default(5),
  // Higher per address: an office behind one NAT address shares it, and a colleague's typos
  // must not lock everyone out; an attacker spraying many accounts from one address is still stopped.
  signInMaxFailuresPerAddress: failures().default(20),
  signInLockMinutes: z.number().int().min(1).max(1440).default(15),
});

export type Settings = z.infer<typeof settingsSchema>;
export type SettingKey = keyof Settings;

export const defaultSettings: Settings = settingsSchema.parse({});
