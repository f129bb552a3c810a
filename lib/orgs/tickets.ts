// The recent tickets of a client (a user or an organization) for their panel pages: only those
// the caller may see, and a total counted under the same condition, so the page never reveals
// tickets of other departments, not even by their number.
import { and, desc, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { departments, tickets, users } from "@/db/schema";
import { type TicketScope, ticketVisible } from "@/lib/auth";

export async function recentTicketsOf(db: Executor, scope: TicketScope, owner: { userId: number } | { orgId: number }, limit = 10) {
  const where = and(
    "userId" in owner ? eq(tickets.userId, owner.userId) : eq(tickets.orgId, owner.orgId),
    sql`${tickets.status} <> 'deleted'`,
    ticketVisible(scope),
  );
  const [items, [{ n }]] = await Promise.all([
    db
      .select({
        id: tickets.id,
        number: tickets.number,
        subject: tickets.subject,
        status: tickets.status,
        department: { id: departments.id, name: departments.name },
        user: { id: users.id, name: users.name, email: users.email },
        isOverdue: tickets.isOverdue,
        createdAt: tickets.createdAt,
        updatedAt: tickets.updatedAt,
      })
      .from(tickets)
      .innerJoin(departments, eq(departments.id, tickets.deptId))
      .innerJoin(users, eq(users.id, tickets.userId))
      .where(where)
      .orderBy(desc(tickets.updatedAt), desc(tickets.id))
      .limit(limit),
    db.select({ n: sql<number>`count(*)::int` }).from(tickets).where(where),
  ]);
  return { items, total: Number(n) };
}
