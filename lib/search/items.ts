// A page's tickets as list items (one query by id, in the page's order).
import { eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { departments, helpTopics, organizations, priorities, staff, teams, tickets, users } from "@/db/schema";

export type MatchedField = "number" | "subject" | "requester" | "thread";

export async function loadListItems(db: Executor, ids: number[], matched?: Map<number, MatchedField>) {
  if (!ids.length) return [];
  const found = await db
    .select({
      t: {
        id: tickets.id,
        number: tickets.number,
        subject: tickets.subject,
        status: tickets.status,
        source: tickets.source,
        createdAt: tickets.createdAt,
        updatedAt: tickets.updatedAt,
        dueAt: tickets.dueAt,
        lastMessageAt: tickets.lastMessageAt,
        lastResponseAt: tickets.lastResponseAt,
        isOverdue: tickets.isOverdue,
        isAnswered: tickets.isAnswered,
        docsRequired: tickets.docsRequired,
        docsAcknowledgedAt: tickets.docsAcknowledgedAt,
        aiUrgency: tickets.aiUrgency,
        aiUrgencyLevel: tickets.aiUrgencyLevel,
        mergedIntoId: tickets.mergedIntoId,
        version: tickets.version,
      },
      user: { id: users.id, name: users.name, email: users.email },
      organization: { id: organizations.id, name: organizations.name },
      department: { id: departments.id, name: departments.name },
      topic: { id: helpTopics.id, name: helpTopics.name },
      priority: { id: priorities.id, name: priorities.name, color: priorities.color, urgency: priorities.urgency },
      staff: { id: staff.id, name: staff.name },
      team: { id: teams.id, name: teams.name },
    })
    .from(tickets)
    .innerJoin(users, eq(users.id, tickets.userId))
    .innerJoin(departments, eq(departments.id, tickets.deptId))
    .innerJoin(priorities, eq(priorities.id, tickets.priorityId))
    .leftJoin(organizations, eq(organizations.id, tickets.orgId))
    .leftJoin(helpTopics, eq(helpTopics.id, tickets.topicId))
    .leftJoin(staff, eq(staff.id, tickets.staffId))
    .leftJoin(teams, eq(teams.id, tickets.teamId))
    .where(inArray(tickets.id, ids));
  const byId = new Map(found.map((r) => [r.t.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    return [
      {
        ...r.t,
        user: r.user,
        organization: r.organization,
        department: r.department,
        topic: r.topic,
        priority: r.priority,
        assignee: { staff: r.staff, team: r.team },
        ...(matched ? { matched: matched.get(id) ?? null } : {}),
      },
    ];
  });
}

export type ListItem = Awaited<ReturnType<typeof loadListItems>>[number];

export interface ListPage {
  items: ListItem[];
  total: number;
  nextCursor: string | null;
}
