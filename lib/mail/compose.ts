// The mails a ticket produces: the auto-response to the user, the new-ticket alert to the
// department's staff, and staff responses. Each is rendered from its editable template and
// queued with a signed Message-ID, threading headers and the [#number] tag in the subject.
import { and, asc, eq, isNotNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { departments, staff, staffDepartments, threadEntries, tickets, users } from "@/db/schema";
import { env } from "@/lib/config/env";
import type { Settings } from "@/lib/config/settings-schema";
import { AppError } from "@/lib/http/errors";
import { type QueueMailResult, queueMail } from "./queue";
import { renderBody, renderLine, type TemplateVars, withReplySeparator } from "./templates";

export interface MailTicket {
  id: number;
  number: string;
  subject: string;
}

export interface MailPerson {
  name: string;
  email: string;
}

export function ticketUrl(ticketId: number): string {
  const base = env().APP_URL ?? `http://localhost:${env().PORT}`;
  return `${base.replace(/\/$/, "")}/tickets/${ticketId}`;
}

/** The subject with the ticket tag, added when the template left it out. */
export function taggedSubject(subject: string, number: string): string {
  return subject.includes(`[#${number}]`) ? subject : `[#${number}] ${subject}`;
}

function baseVars(settings: Settings, ticket: MailTicket, user: MailPerson | null): TemplateVars {
  return {
    "helpdesk.name": settings.helpdeskName,
    "ticket.number": ticket.number,
    "ticket.subject": ticket.subject,
    "ticket.id": String(ticket.id),
    "ticket.url": ticketUrl(ticket.id),
    "user.name": user?.name ?? "",
    "user.email": user?.email ?? "",
  };
}

/** The auto-response to the user who opened a ticket (automatic mail: rate-limited, marked). */
export async function queueAutoResponse(
  tx: Executor,
  p: { settings: Settings; ticket: MailTicket; user: MailPerson; entryId: number; inReplyTo?: string | null; exempt?: ReadonlySet<string>; firstContact?: ReadonlySet<string> },
): Promise<QueueMailResult> {
  const tpl = p.settings.mailTemplates.autoResponse;
  const vars = { ...baseVars(p.settings, p.ticket, p.user), "recipient.name": p.user.name };
  return queueMail(tx, {
    kind: "auto_response",
    ticketId: p.ticket.id,
    entryId: p.entryId,
    to: [p.user.email],
    subject: taggedSubject(renderLine(tpl.subject, vars), p.ticket.number),
    ...withReplySeparator(renderBody(tpl.body, vars), p.settings.replySeparator),
    inReplyTo: p.inReplyTo ?? null,
    references: p.inReplyTo ? [p.inReplyTo] : [],
    automatic: { autoSubmitted: "auto-replied", limitPerHour: p.settings.maxAutoMailsPerAddressPerHour, exempt: p.exempt, firstContact: p.firstContact },
    supportAliases: p.settings.supportAddresses,
  });
}

const STAFF_TTL_MS = 5_000;
const staffCache = new Map<number, { at: number; people: MailPerson[] }>();

/** Active staff with access to the department: who gets its new-ticket alerts (cached a few seconds). */
export async function departmentStaff(tx: Executor, deptId: number): Promise<MailPerson[]> {
  const hit = staffCache.get(deptId);
  if (hit && Date.now() - hit.at < STAFF_TTL_MS) return hit.people;
  const people = await tx
    .select({ name: staff.name, email: staff.email })
    .from(staff)
    .innerJoin(staffDepartments, eq(staffDepartments.staffId, staff.id))
    .where(and(eq(staffDepartments.deptId, deptId), eq(staff.isActive, true)));
  staffCache.set(deptId, { at: Date.now(), people });
  return people;
}

export function clearDepartmentStaffCache(): void {
  staffCache.clear();
}

/** The new-ticket alert to the department's staff (automatic mail; staff are not rate-limited). */
export async function queueNewTicketAlert(
  tx: Executor,
  p: { settings: Settings; ticket: MailTicket; user: MailPerson; deptName: string; recipients: MailPerson[]; entryId: number; message: { text: string; html: string } },
): Promise<QueueMailResult> {
  if (!p.recipients.length) return { mail: null, skipped: [] };
  const tpl = p.settings.mailTemplates.newTicketAlert;
  const vars: TemplateVars = {
    ...baseVars(p.settings, p.ticket, p.user),
    "recipient.name": p.recipients.length === 1 ? p.recipients[0].name : `${p.deptName} team`,
    "dept.name": p.deptName,
    message: p.message,
  };
  const addresses = p.recipients.map((r) => r.email.toLowerCase());
  return queueMail(tx, {
    kind: "new_ticket_alert",
    ticketId: p.ticket.id,
    entryId: p.entryId,
    to: addresses,
    subject: taggedSubject(renderLine(tpl.subject, vars), p.ticket.number),
    ...withReplySeparator(renderBody(tpl.body, vars), p.settings.replySeparator),
    automatic: { autoSubmitted: "auto-generated", limitPerHour: p.settings.maxAutoMailsPerAddressPerHour, exempt: new Set(addresses) },
    supportAliases: p.settings.supportAddresses,
  });
}

/** Message-IDs of the thread in order: In-Reply-To is the latest customer message (else the
 * latest mail of the thread), References start with the first message. */
export async function threadingFor(tx: Executor, ticketId: number): Promise<{ inReplyTo: string | null; references: string[] }> {
  const rows = await tx
    .select({ messageId: threadEntries.messageId, type: threadEntries.type })
    .from(threadEntries)
    .where(and(eq(threadEntries.ticketId, ticketId), isNotNull(threadEntries.messageId)))
    .orderBy(asc(threadEntries.createdAt), asc(threadEntries.id));
  const ids = rows.map((r) => r.messageId!);
  const lastMessage = [...rows].reverse().find((r) => r.type === "message")?.messageId ?? ids.at(-1) ?? null;
  // Keep the chain short (first message plus the latest ones) as mail clients do.
  const chain = ids.length > 10 ? [ids[0], ...ids.slice(-9)] : ids;
  const references = lastMessage && !chain.includes(lastMessage) ? [...chain, lastMessage] : chain;
  return { inReplyTo: lastMessage, references };
}

export interface StaffResponseMailParams {
  settings: Settings;
  ticketId: number;
  entryId: number;
  staffId: number;
  to: string[];
  cc?: string[];
  /** The response as posted (sanitized HTML and text). */
  message: { text: string; html: string };
  /** Append the staff member's and the department's signature (default true). */
  signature?: boolean;
  attachmentIds?: number[];
}

/**
 * Queues a staff response to the recipients the staff member chose, and stamps the response
 * entry with the mail's Message-ID so a reply to it threads. Call it in the reply's transaction.
 */
export async function queueStaffResponse(tx: Executor, p: StaffResponseMailParams): Promise<QueueMailResult> {
  const [row] = await tx
    .select({ id: tickets.id, number: tickets.number, subject: tickets.subject, userName: users.name, userEmail: users.email, deptSignature: departments.signature, deptName: departments.name })
    .from(tickets)
    .innerJoin(users, eq(users.id, tickets.userId))
    .innerJoin(departments, eq(departments.id, tickets.deptId))
    .where(eq(tickets.id, p.ticketId));
  if (!row) throw new AppError("not_found", `Ticket ${p.ticketId} not found`);
  const [author] = await tx.select({ name: staff.name, signature: staff.signature }).from(staff).where(eq(staff.id, p.staffId));
  const signature = p.signature === false ? "" : [author?.signature, row.deptSignature].filter((s) => s?.trim()).join("\n\n");
  const ticket = { id: row.id, number: row.number, subject: row.subject };
  const vars: TemplateVars = {
    ...baseVars(p.settings, ticket, { name: row.userName, email: row.userEmail }),
    "recipient.name": row.userName,
    "staff.name": author?.name ?? "",
    "dept.name": row.deptName,
    message: p.message,
    signature,
  };
  const threading = await threadingFor(tx, p.ticketId);
  const tpl = p.settings.mailTemplates.staffResponse;
  const result = await queueMail(tx, {
    kind: "response",
    ticketId: p.ticketId,
    entryId: p.entryId,
    to: p.to,
    cc: p.cc ?? [],
    subject: taggedSubject(renderLine(tpl.subject, vars), ticket.number),
    ...withReplySeparator(renderBody(tpl.body, vars), p.settings.replySeparator),
    inReplyTo: threading.inReplyTo,
    references: threading.references,
    attachmentIds: p.attachmentIds ?? [],
    supportAliases: p.settings.supportAddresses,
  });
  if (result.mail) {
    await tx
      .update(threadEntries)
      .set({ messageId: result.mail.messageId, recipients: { to: result.mail.to, cc: result.mail.cc } })
      .where(and(eq(threadEntries.id, p.entryId), eq(threadEntries.type, "response")));
  }
  return result;
}
