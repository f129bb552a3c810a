// Lists for the panel's pickers, each item telling whether the caller may use it.
import { asc, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { departments, helpTopics, priorities, slaPlans, teams } from "@/db/schema";
import { type SessionStaff, hasDeptAccess, scopeOf } from "@/lib/auth";

type Caller = Pick<SessionStaff, "id" | "role" | "deptIds" | "teamIds">;
const list = <T>(items: T[]) => ({ items, total: items.length, nextCursor: null });

/** Active departments; `isMember`: the caller works there (may transfer tickets into it). */
export async function listDepartments(db: Executor, caller: Caller) {
  const rows = await db
    .select({ id: departments.id, name: departments.name, managerId: departments.managerId, slaId: departments.slaId })
    .from(departments)
    .where(eq(departments.isActive, true))
    .orderBy(asc(departments.name));
  const scope = scopeOf(caller);
  return list(rows.map((d) => ({ ...d, isMember: hasDeptAccess(scope, d.id) })));
}

export async function listTeams(db: Executor, caller: Caller) {
  const rows = await db
    .select({
      id: teams.id,
      name: teams.name,
      leadId: teams.leadId,
      memberIds: sql<number[]>`ARRAY(SELECT staff_id FROM team_members WHERE team_id = ${teams.id} ORDER BY staff_id)`,
    })
    .from(teams)
    .where(eq(teams.isActive, true))
    .orderBy(asc(teams.name));
  return list(rows.map((t) => ({ ...t, memberIds: (t.memberIds ?? []).map(Number), isMember: caller.teamIds.includes(t.id) })));
}

/** Active help topics; `isMember`: the topic's department is one of the caller's (or it has none). */
export async function listTopics(db: Executor, caller: Caller) {
  const rows = await db
    .select({ id: helpTopics.id, name: helpTopics.name, deptId: helpTopics.deptId, priorityId: helpTopics.priorityId, slaId: helpTopics.slaId, docsRequired: helpTopics.docsRequired })
    .from(helpTopics)
    .where(eq(helpTopics.isActive, true))
    .orderBy(asc(helpTopics.name));
  const scope = scopeOf(caller);
  return list(rows.map((t) => ({ ...t, isMember: t.deptId === null || hasDeptAccess(scope, t.deptId) })));
}

export async function listPriorities(db: Executor) {
  return list(
    await db
      .select({ id: priorities.id, name: priorities.name, urgency: priorities.urgency, color: priorities.color, isDefault: priorities.isDefault })
      .from(priorities)
      .where(eq(priorities.isActive, true))
      .orderBy(asc(priorities.urgency)),
  );
}

export async function listSlaPlans(db: Executor) {
  return list(
    await db.select({ id: slaPlans.id, name: slaPlans.name, graceHours: slaPlans.graceHours }).from(slaPlans).where(eq(slaPlans.isActive, true)).orderBy(asc(slaPlans.graceHours)),
  );
}
