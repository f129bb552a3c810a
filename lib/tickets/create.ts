// createTicket: the one service every door uses (API, email, staff). In ONE transaction: the
// requester (found or created by email), the ticket with a unique number, the first thread
// entry with its attachments, collaborators, the event, and the outbound mail rows.
import { eq, inArray, sql } from "drizzle-orm";
import type { Db, Executor } from "@/db/client";
import type { TicketSource } from "@/db/enums";
import { organizations, staff, ticketCollaborators, tickets } from "@/db/schema";
import type { DroppedFile, FileInput } from "@/lib/attachments";
import { getSettings } from "@/lib/config/settings";
import { recordEvent } from "@/lib/events";
import { indexTicket } from "@/lib/search";
import { type QueueMailResult, departmentStaff, helpdeskAddresses, queueAutoResponse, queueNewTicketAlert } from "@/lib/mail";
import { type Actor, type EntryBody, type EntryEmailMeta, type EntryRow, type HtmlFinalizer, type InsertEntryResult, insertEntry, textToHtml } from "@/lib/threads";
import { classify, loadCatalog } from "./create-defaults";
import { normalizeSubjectText } from "./create-schema";
import { withUniqueNumber } from "./number";
import { type Person, type UserRow, findOrCreateUsers } from "./requesters";

export type TicketRow = typeof tickets.$inferSelect;

export interface CreateTicketParams {
  user: Person;
  subject: string;
  body: EntryBody;
  source: TicketSource;
  topicId?: number | null;
  priorityId?: number | null;
  deptId?: number | null;
  dueAt?: Date | null;
  ip?: string | null;
  files?: FileInput[];
  droppedEarlier?: DroppedFile[];
  collaborators?: Person[];
  /** At most this many collaborators are added (after dropping the owner, our addresses, staff and
   * duplicates); the rest are left out and returned in `collaboratorsLeftOut`. */
  maxCollaborators?: number;
  internalNote?: string | null;
  email?: EntryEmailMeta;
  /** Who acted: "api:<prefix>", "email", or the staff member opening it on the user's behalf. */
  actor: Actor;
  /** Send the auto-response / new-ticket alert (also subject to the settings). Default true. */
  autorespond?: boolean;
  alert?: boolean;
  /** Rewrites the first entry's HTML once its attachments are stored (cid: links). */
  finalizeHtml?: HtmlFinalizer;
  /** The closed ticket this one continues (a reply to a ticket that could not be reopened). */
  continuesTicketId?: number | null;
}

export interface CreateTicketResult {
  ticket: TicketRow;
  user: UserRow;
  entry: EntryRow;
  attachments: InsertEntryResult["attachments"];
  dropped: DroppedFile[];
  collaborators: UserRow[];
  /** Addresses beyond `maxCollaborators`, in the order given: not added, no user created. */
  collaboratorsLeftOut: string[];
  mail: { autoResponse: QueueMailResult | null; alert: QueueMailResult | null };
}

export async function createTicket(db: Db | Executor, p: CreateTicketParams): Promise<CreateTicketResult> {
  const settings = await getSettings(db);
  const catalog = await loadCatalog(db);
  const cls = classify(catalog, settings, p);
  const own = helpdeskAddresses(settings.supportAddresses);
  const subject = normalizeSubjectText(p.subject).slice(0, 255);

  return db.transaction(async (tx) => {
    const ownerEmail = p.user.email.trim().toLowerCase();
    const wantedCollaborators = (p.collaborators ?? []).filter((c) => {
      const a = c.email.trim().toLowerCase();
      return a && a !== ownerEmail && !own.has(a);
    });
    // Staff in Cc are staff, not collaborators.
    const staffEmails = wantedCollaborators.length
      ? new Set(
          (
            await tx
              .select({ email: staff.email })
              .from(staff)
              .where(inArray(sql`lower(${staff.email})`, wantedCollaborators.map((c) => c.email.toLowerCase())))
          ).map((s) => s.email.toLowerCase()),
        )
      : new Set<string>();
    const seen = new Set<string>();
    const distinct = wantedCollaborators.filter((c) => {
      const a = c.email.trim().toLowerCase();
      if (staffEmails.has(a) || seen.has(a)) return false;
      seen.add(a);
      return true;
    });
    const limit = p.maxCollaborators ?? distinct.length;
    const collaboratorsLeftOut = distinct.slice(limit).map((c) => c.email.trim().toLowerCase());
    const newUsers = new Set<string>();
    const people = await findOrCreateUsers(tx, [p.user, ...distinct.slice(0, limit)], newUsers);
    const user = people.get(ownerEmail)!;
    const collaborators = [...people.values()].filter((u) => u.id !== user.id);

    let docsRequired = cls.docsRequired;
    if (user.orgId != null && !docsRequired) {
      const [org] = await tx.select({ docsRequired: organizations.docsRequired }).from(organizations).where(eq(organizations.id, user.orgId));
      docsRequired = org?.docsRequired ?? false;
    }
    const now = new Date();
    const dueAt = p.dueAt ?? (cls.graceHours != null ? new Date(now.getTime() + cls.graceHours * 3_600_000) : null);

    const ticket = await withUniqueNumber(tx, settings.ticketNumberFormat, async (number) => {
      const [row] = await tx
        .insert(tickets)
        .values({
          number,
          subject,
          userId: user.id,
          orgId: user.orgId,
          deptId: cls.deptId,
          topicId: cls.topicId,
          priorityId: cls.priorityId,
          slaId: cls.slaId,
          dueAt,
          source: p.source,
          ip: p.ip ?? null,
          docsRequired,
          staffId: null,
          lastMessageAt: now,
        })
        .onConflictDoNothing({ target: tickets.number })
        .returning();
      return row ?? null;
    });

    const first = await insertEntry(tx, {
      ticketId: ticket.id,
      type: "message",
      poster: { userId: user.id, staffId: p.actor.staffId ?? null, name: user.name, email: user.email },
      body: p.body,
      source: p.source,
      email: p.email,
      files: p.files,
      droppedEarlier: p.droppedEarlier,
      policy: settings,
      finalizeHtml: p.finalizeHtml,
    });
    if (p.internalNote?.trim()) {
      await insertEntry(tx, {
        ticketId: ticket.id,
        type: "note",
        poster: p.actor.staffId ? { staffId: p.actor.staffId } : { name: "API" },
        body: { text: p.internalNote, html: textToHtml(p.internalNote) },
        policy: settings,
      });
    }
    await indexTicket(tx, ticket.id);
    if (collaborators.length) {
      await tx
        .insert(ticketCollaborators)
        .values(collaborators.map((c) => ({ ticketId: ticket.id, userId: c.id })))
        .onConflictDoNothing();
    }
    await recordEvent(tx, {
      entityType: "ticket",
      entityId: ticket.id,
      ticketId: ticket.id,
      action: "created",
      staffId: p.actor.staffId ?? null,
      userId: p.actor.staffId ? null : user.id,
      actor: p.actor.actor ?? null,
      after: { number: ticket.number, subject, source: p.source, deptId: cls.deptId, priorityId: cls.priorityId, topicId: cls.topicId, dueAt },
      data: {
        entryId: first.entry.id,
        attachments: first.attachments.map((a) => a.id),
        ...(first.dropped.length ? { droppedAttachments: first.dropped } : {}),
        ...(p.email?.messageId ? { messageId: p.email.messageId } : {}),
        ...(collaborators.length ? { collaborators: collaborators.map((c) => c.email) } : {}),
        ...(collaboratorsLeftOut.length ? { collaboratorsLeftOut: collaboratorsLeftOut.length } : {}),
        ...(p.continuesTicketId ? { continuesTicketId: p.continuesTicketId } : {}),
      },
    });

    const mailTicket = { id: ticket.id, number: ticket.number, subject };
    const mailUser = { name: user.name, email: user.email };
    const isAuto = !!p.email?.isAutoReply;
    const autoResponse =
      p.autorespond !== false && settings.autoRespondNewTickets && !isAuto && !own.has(ownerEmail)
        ? await queueAutoResponse(tx, { settings, ticket: mailTicket, user: mailUser, entryId: first.entry.id, inReplyTo: p.email?.messageId, firstContact: newUsers })
        : null;
    let alert: QueueMailResult | null = null;
    if (p.alert !== false && settings.alertNewTickets && !isAuto) {
      const recipients = await departmentStaff(tx, cls.deptId);
      alert = await queueNewTicketAlert(tx, {
        settings,
        ticket: mailTicket,
        user: mailUser,
        deptName: catalog.departments.get(cls.deptId)?.name ?? "",
        recipients,
        entryId: first.entry.id,
        message: p.body,
      });
    }
    return {
      ticket,
      user,
      entry: first.entry,
      attachments: first.attachments,
      dropped: first.dropped,
      collaborators,
      collaboratorsLeftOut,
      mail: { autoResponse, alert },
    };
  });
}
