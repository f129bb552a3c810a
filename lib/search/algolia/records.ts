// Tickets as Algolia records: what is searched, what is filtered, and who may see it. The
// `visibleTo` tokens mirror lib/auth/scope.ts: d<dept> (the department, or a referral to it),
// s<staff> (assigned or referred), t<team> (assigned or referred).
import { asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { departments, organizations, priorities, threadEntries, ticketReferrals, tickets, users } from "@/db/schema";

const THREAD_MAX = 6_000;
const secs = (d: Date | null) => (d ? Math.floor(d.getTime() / 1000) : null);

export interface TicketRecord extends Record<string, unknown> {
  objectID: string;
  number: string;
  subject: string;
  status: string;
  deptId: number;
  department: string;
  priorityId: number;
  priority: string;
  topicId: number | null;
  orgId: number | null;
  organization: string | null;
  userId: number;
  userName: string;
  userEmail: string;
  source: string;
  assignee: string[];
  urgency: string | null;
  aiUrgency: number | null;
  aiSummary: string | null;
  thread: string;
  isOverdue: boolean;
  isAnswered: boolean;
  isEscalated: boolean;
  docsRequired: boolean;
  docsAcknowledged: boolean;
  createdAt: number;
  updatedAt: number;
  dueAt: number | null;
  visibleTo: string[];
}

/** Records for these tickets; ids missing from the map are gone (or deleted) and leave the index. */
export async function loadRecords(db: Executor, ids: number[]): Promise<Map<number, TicketRecord>> {
  const out = new Map<number, TicketRecord>();
  if (!ids.length) return out;
  const found = await db
    .select({
      t: tickets,
      dept: departments.name,
      priority: priorities.name,
      org: organizations.name,
      userName: users.name,
      userEmail: users.email,
    })
    .from(tickets)
    .innerJoin(users, eq(users.id, tickets.userId))
    .innerJoin(departments, eq(departments.id, tickets.deptId))
    .innerJoin(priorities, eq(priorities.id, tickets.priorityId))
    .leftJoin(organizations, eq(organizations.id, tickets.orgId))
    .where(inArray(tickets.id, ids));
  const live = found.filter((r) => r.t.status !== "deleted");
  if (!live.length) return out;
  const liveIds = live.map((r) => r.t.id);
  const [entries, referrals] = await Promise.all([
    db
      .select({ ticketId: threadEntries.ticketId, text: threadEntries.bodyText, quoteStart: threadEntries.quoteStartText })
      .from(threadEntries)
      .where(inArray(threadEntries.ticketId, liveIds))
      .orderBy(asc(threadEntries.id)),
    db.select().from(ticketReferrals).where(inArray(ticketReferrals.ticketId, liveIds)),
  ]);
  const threads = new Map<number, string>();
  for (const e of entries) {
    const prev = threads.get(e.ticketId) ?? "";
    if (prev.length >= THREAD_MAX) continue;
    const own = e.quoteStart ? e.text.slice(0, e.quoteStart) : e.text;
    threads.set(e.ticketId, `${prev}${own}\n`.slice(0, THREAD_MAX));
  }
  for (const { t, ...r } of live) {
    const visibleTo = new Set([`d${t.deptId}`]);
    if (t.staffId) visibleTo.add(`s${t.staffId}`);
    if (t.teamId) visibleTo.add(`t${t.teamId}`);
    for (const ref of referrals.filter((x) => x.ticketId === t.id)) visibleTo.add(`${ref.kind === "staff" ? "s" : ref.kind === "team" ? "t" : "d"}${ref.targetId}`);
    const assignee = [t.staffId ? `s${t.staffId}` : null, t.teamId ? `t${t.teamId}` : null].filter((x): x is string => !!x);
    out.set(t.id, {
      objectID: String(t.id),
      number: t.number,
      subject: t.subject,
      status: t.status,
      deptId: t.deptId,
      department: r.dept,
      priorityId: t.priorityId,
      priority: r.priority,
      topicId: t.topicId,
      orgId: t.orgId,
      organization: r.org,
      userId: t.userId,
      userName: r.userName,
      userEmail: r.userEmail.toLowerCase(),
      source: t.source,
      assignee: assignee.length ? assignee : ["none"],
      urgency: t.aiUrgencyLevel,
      aiUrgency: t.aiUrgency,
      aiSummary: t.aiSummary,
      thread: threads.get(t.id) ?? "",
      isOverdue: t.isOverdue,
      isAnswered: t.isAnswered,
      isEscalated: t.escalatedAt !== null,
      docsRequired: t.docsRequired,
      docsAcknowledged: t.docsAcknowledgedAt !== null,
      createdAt: secs(t.createdAt)!,
      updatedAt: secs(t.updatedAt)!,
      dueAt: secs(t.dueAt),
      visibleTo: [...visibleTo],
    });
  }
  return out;
}
