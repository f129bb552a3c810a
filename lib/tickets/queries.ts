// Reading one ticket with everything the ticket view needs, within the caller's scope.
import { and, asc, eq, inArray, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "@/db/client";
import {
  attachments,
  departments,
  events,
  helpTopics,
  organizations,
  priorities,
  slaPlans,
  staff,
  teams,
  threadEntries,
  ticketCollaborators,
  ticketLinks,
  ticketReferrals,
  tickets,
  users,
} from "@/db/schema";
import { can, ticketVisible } from "@/lib/auth";
import { AppError } from "@/lib/http/errors";
import { tasksOfTicket } from "@/lib/tasks";
import { type Actor, actorScope } from "./actor";
import { toTicketDetail } from "./dto";

const closer = alias(staff, "closer");
const parent = alias(tickets, "parent");
const origin = alias(tickets, "origin");
const other = alias(tickets, "other");

export async function loadTicketHeader(db: Executor, actor: Actor, tid: number) {
  const [row] = await db
    .select({
      ticket: tickets,
      user: { id: users.id, name: users.name, email: users.email, phone: users.phone },
      organization: { id: organizations.id, name: organizations.name },
      department: { id: departments.id, name: departments.name },
      topic: { id: helpTopics.id, name: helpTopics.name },
      priority: { id: priorities.id, name: priorities.name, color: priorities.color, urgency: priorities.urgency },
      sla: { id: slaPlans.id, name: slaPlans.name, graceHours: slaPlans.graceHours },
      staff: { id: staff.id, name: staff.name, email: staff.email },
      team: { id: teams.id, name: teams.name },
      closedBy: { id: closer.id, name: closer.name },
      mergedInto: { id: parent.id, number: parent.number },
    })
    .from(tickets)
    .innerJoin(users, eq(users.id, tickets.userId))
    .innerJoin(departments, eq(departments.id, tickets.deptId))
    .innerJoin(priorities, eq(priorities.id, tickets.priorityId))
    .leftJoin(organizations, eq(organizations.id, tickets.orgId))
    .leftJoin(helpTopics, eq(helpTopics.id, tickets.topicId))
    .leftJoin(slaPlans, eq(slaPlans.id, tickets.slaId))
    .leftJoin(staff, eq(staff.id, tickets.staffId))
    .leftJoin(teams, eq(teams.id, tickets.teamId))
    .leftJoin(closer, eq(closer.id, tickets.closedById))
    .leftJoin(parent, eq(parent.id, tickets.mergedIntoId))
    .where(and(eq(tickets.id, tid), ticketVisible(actorScope(actor))));
  // Deleted tickets exist only for those who may restore them.
  if (!row || (row.ticket.status === "deleted" && !can(actor, "tickets.restore"))) throw new AppError("not_found", `Ticket ${tid} not found`);
  return row;
}
export type TicketHeader = Awaited<ReturnType<typeof loadTicketHeader>>;

function loadThread(db: Executor, tid: number) {
  return db
    .select({ entry: threadEntries, mergedFrom: { id: origin.id, number: origin.number } })
    .from(threadEntries)
    .leftJoin(origin, eq(origin.id, threadEntries.mergedFromTicketId))
    .where(eq(threadEntries.ticketId, tid))
    .orderBy(asc(threadEntries.createdAt), asc(threadEntries.id));
}

function loadAttachments(db: Executor, tid: number) {
  return db
    .select()
    .from(attachments)
    .where(and(sql`${attachments.entryId} IN (SELECT id FROM thread_entries WHERE ticket_id = ${tid})`, sql`${attachments.deletedAt} IS NULL`))
    .orderBy(asc(attachments.id));
}

function loadCollaborators(db: Executor, tid: number) {
  return db
    .select({ userId: users.id, name: users.name, email: users.email, isActive: ticketCollaborators.isActive })
    .from(ticketCollaborators)
    .innerJoin(users, eq(users.id, ticketCollaborators.userId))
    .where(eq(ticketCollaborators.ticketId, tid))
    .orderBy(asc(users.name));
}

function loadReferrals(db: Executor, tid: number) {
  return db
    .select({
      id: ticketReferrals.id,
      kind: ticketReferrals.kind,
      targetId: ticketReferrals.targetId,
      createdAt: ticketReferrals.createdAt,
      name: sql<string | null>`CASE ${ticketReferrals.kind}
        WHEN 'staff' THEN (SELECT name FROM staff WHERE id = ${ticketReferrals.targetId})
        WHEN 'team' THEN (SELECT name FROM teams WHERE id = ${ticketReferrals.targetId})
        ELSE (SELECT name FROM departments WHERE id = ${ticketReferrals.targetId}) END`,
    })
    .from(ticketReferrals)
    .where(eq(ticketReferrals.ticketId, tid))
    .orderBy(asc(ticketReferrals.id));
}

function loadEvents(db: Executor, tid: number) {
  return db
    .select({ event: events, staffName: staff.name })
    .from(events)
    .leftJoin(staff, eq(staff.id, events.staffId))
    .where(eq(events.ticketId, tid))
    .orderBy(asc(events.id));
}

function loadLinks(db: Executor, tid: number) {
  return db
    .select({
      parentId: ticketLinks.parentId,
      childId: ticketLinks.childId,
      kind: ticketLinks.kind,
      createdAt: ticketLinks.createdAt,
      other: { id: other.id, number: other.number, subject: other.subject, status: other.status },
    })
    .from(ticketLinks)
    .innerJoin(other, sql`${other.id} = CASE WHEN ${ticketLinks.parentId} = ${tid} THEN ${ticketLinks.childId} ELSE ${ticketLinks.parentId} END`)
    .where(or(eq(ticketLinks.parentId, tid), eq(ticketLinks.childId, tid)))
    .orderBy(asc(ticketLinks.id));
}

/** GET /tickets/{tid}: the ticket, its people, thread, events and what the caller may do. */
export async function getTicketDetail(db: Executor, actor: Actor, tid: number) {
  const header = await loadTicketHeader(db, actor, tid);
  const [thread, files, collaborators, referrals, eventRows, links, taskRows] = await Promise.all([
    loadThread(db, tid),
    loadAttachments(db, tid),
    loadCollaborators(db, tid),
    loadReferrals(db, tid),
    loadEvents(db, tid),
    loadLinks(db, tid),
    tasksOfTicket(db, tid),
  ]);
  return toTicketDetail(actor, { header, thread, files, collaborators, referrals, events: eventRows, links, tasks: taskRows });
}

/** Ticket ids among `tids` the caller may see (deleted ones excluded). */
export async function visibleTicketIds(db: Executor, actor: Actor, tids: number[]): Promise<Set<number>> {
  if (!tids.length) return new Set();
  const found = await db
    .select({ id: tickets.id })
    .from(tickets)
    .where(and(inArray(tickets.id, tids), ticketVisible(actorScope(actor)), sql`${tickets.status} <> 'deleted'`));
  return new Set(found.map((r) => r.id));
}
