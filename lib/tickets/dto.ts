// Row -> API shapes for tickets. Times are Date (JSON: ISO 8601 UTC).
import type { attachments, events, threadEntries, ticketLinks } from "@/db/schema";
import { can, hasDeptAccess } from "@/lib/auth";
import { type Actor, actorScope } from "./actor";
import type { TicketHeader } from "./queries";
import type { TicketRow } from "./lock";

export const attachmentUrl = (id: number) => `/api/staff/attachments/${id}`;

type AttachmentRow = typeof attachments.$inferSelect;
type EntryRow = { entry: typeof threadEntries.$inferSelect; mergedFrom: { id: number; number: string } | null };
type EventRow = { event: typeof events.$inferSelect; staffName: string | null };
type TicketTask = {
  id: number;
  title: string;
  status: string;
  department: { id: number; name: string };
  assignee: { staff: { id: number; name: string } | null; team: { id: number; name: string } | null };
  dueAt: Date | null;
  createdAt: Date;
  closedAt: Date | null;
};
type LinkRow = Pick<typeof ticketLinks.$inferSelect, "parentId" | "childId" | "kind" | "createdAt"> & {
  other: { id: number; number: string; subject: string; status: string };
};

export function toAttachment(a: AttachmentRow) {
  return { id: a.id, name: a.name, contentType: a.contentType, size: a.size, isInline: a.isInline, contentId: a.contentId, url: attachmentUrl(a.id) };
}

function toEntry({ entry: e, mergedFrom }: EntryRow, files: AttachmentRow[], separate: Set<number>) {
  return {
    id: e.id,
    type: e.type,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
    poster: e.staffId
      ? { kind: "staff" as const, id: e.staffId, name: e.posterName, email: e.posterEmail }
      : e.userId
        ? { kind: "user" as const, id: e.userId, name: e.posterName, email: e.posterEmail }
        : { kind: "system" as const, id: null, name: e.posterName, email: e.posterEmail },
    source: e.source,
    bodyHtml: e.bodyHtml,
    bodyText: e.bodyText,
    quoteStartText: e.quoteStartText,
    quoteStartHtml: e.quoteStartHtml,
    hasRemoteImages: e.hasRemoteImages,
    isAutoReply: e.isAutoReply,
    isBounce: e.isBounce,
    recipients: e.recipients,
    mergedFrom: mergedFrom,
    /** Set for entries of a ticket merged with mode "separate": the panel shows them as a group. */
    group: mergedFrom && separate.has(mergedFrom.id) ? mergedFrom : null,
    attachments: files.filter((f) => f.entryId === e.id).map(toAttachment),
  };
}

/** Thread order: the ticket's own and combined entries by time, then each separate child's group. */
function orderThread(entries: ReturnType<typeof toEntry>[], separateOrder: number[]) {
  const main = entries.filter((e) => !e.group);
  const groups = separateOrder.flatMap((id) => entries.filter((e) => e.group?.id === id));
  return [...main, ...groups];
}

/** What the caller may do with the ticket now (the panel shows or hides actions from this). */
export function capabilities(actor: Actor, t: TicketRow) {
  const live = t.status !== "deleted";
  const open = t.status === "open" || t.status === "awaiting_client";
  const merged = t.mergedIntoId !== null;
  const inDept = hasDeptAccess(actorScope(actor), t.deptId);
  return {
    edit: live && can(actor, "tickets.edit"),
    reply: live && !merged && can(actor, "tickets.reply"),
    note: live && can(actor, "tickets.note"),
    changeStatus: live && can(actor, "tickets.status"),
    assign: live && !merged && can(actor, "tickets.assign"),
    claim: live && !merged && open && !t.staffId && inDept && can(actor, "tickets.claim"),
    release: live && (t.staffId !== null || t.teamId !== null) && can(actor, "tickets.release"),
    transfer: live && !merged && can(actor, "tickets.transfer"),
    refer: live && can(actor, "tickets.refer"),
    merge: live && !merged && can(actor, "tickets.merge"),
    delete: live && can(actor, "tickets.delete"),
    restore: !live && can(actor, "tickets.restore"),
  };
}

export function toTicketDetail(
  actor: Actor,
  d: {
    header: TicketHeader;
    thread: EntryRow[];
    files: AttachmentRow[];
    collaborators: { userId: number; name: string; email: string; isActive: boolean }[];
    referrals: { id: number; kind: string; targetId: number; name: string | null; createdAt: Date }[];
    events: EventRow[];
    links: LinkRow[];
    /** Its tasks, open first (lib/tasks). */
    tasks: TicketTask[];
  },
) {
  const { ticket: t, ...joined } = d.header;
  const separateChildren = d.links.filter((l) => l.parentId === t.id && l.kind === "separate").map((l) => l.childId);
  const entries = d.thread.map((e) => toEntry(e, d.files, new Set(separateChildren)));
  return {
    id: t.id,
    number: t.number,
    subject: t.subject,
    status: t.status,
    source: t.source,
    version: t.version,
    user: joined.user,
    organization: joined.organization,
    department: joined.department,
    topic: joined.topic,
    priority: joined.priority,
    sla: joined.sla,
    dueAt: t.dueAt,
    isOverdue: t.isOverdue,
    isAnswered: t.isAnswered,
    assignee: { staff: joined.staff, team: joined.team },
    collaborators: d.collaborators,
    referrals: d.referrals,
    docs: { required: t.docsRequired, acknowledgedAt: t.docsAcknowledgedAt, acknowledgedById: t.docsAcknowledgedById },
    ai: {
      urgency: t.aiUrgency,
      level: t.aiUrgencyLevel,
      estimatedHours: t.aiEstimatedHours,
      summary: t.aiSummary,
      timeline: t.aiTimeline,
      suggestedTitle: t.aiSuggestedTitle,
      ratedAt: t.aiRatedAt,
    },
    budget: { harvestProjectId: t.harvestProjectId, budgetHours: t.budgetHours, quotedHours: t.quotedHours, isLocked: t.isBudgetLocked, lockedAt: t.budgetLockedAt },
    mergedInto: joined.mergedInto,
    merged: d.links.filter((l) => l.parentId === t.id && l.kind !== "link").map((l) => ({ ...l.other, mode: l.kind, mergedAt: l.createdAt })),
    linked: d.links.filter((l) => l.kind === "link").map((l) => ({ ...l.other, linkedAt: l.createdAt })),
    tasks: d.tasks,
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
    lastMessageAt: t.lastMessageAt,
    lastResponseAt: t.lastResponseAt,
    closedAt: t.closedAt,
    closedBy: joined.closedBy,
    reopenedAt: t.reopenedAt,
    deletedAt: t.deletedAt,
    attachmentCount: d.files.length,
    thread: orderThread(entries, separateChildren),
    events: d.events.map(({ event: e, staffName }) => ({
      id: e.id,
      action: e.action,
      staff: e.staffId ? { id: e.staffId, name: staffName } : null,
      actor: e.actor,
      before: e.before,
      after: e.after,
      data: e.data,
      createdAt: e.createdAt,
    })),
    can: capabilities(actor, t),
  };
}
export type TicketDetail = ReturnType<typeof toTicketDetail>;

/** The short shape operations answer with (the client refetches the detail when it needs more). */
export function toTicketSummary(t: TicketRow) {
  return {
    id: t.id,
    number: t.number,
    subject: t.subject,
    status: t.status,
    deptId: t.deptId,
    staffId: t.staffId,
    teamId: t.teamId,
    priorityId: t.priorityId,
    topicId: t.topicId,
    dueAt: t.dueAt,
    isOverdue: t.isOverdue,
    mergedIntoId: t.mergedIntoId,
    version: t.version,
    updatedAt: t.updatedAt,
    closedAt: t.closedAt,
  };
}

export const ticketEtag = (version: number) => `"${version}"`;
