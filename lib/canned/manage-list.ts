// The canned responses a manager or admin looks after, inactive ones included (the admin page);
// the reply composer uses listCanned, which shows only active ones.
import { and, asc, eq, inArray, isNull, or } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { cannedResponses, departments } from "@/db/schema";
import { type SessionStaff, scopeOf } from "@/lib/auth";

type Caller = Pick<SessionStaff, "id" | "role" | "deptIds" | "teamIds">;

export async function listCannedForManagers(db: Executor, caller: Caller) {
  const scope = scopeOf(caller);
  const visible = scope.all ? undefined : or(isNull(cannedResponses.deptId), scope.deptIds.length ? inArray(cannedResponses.deptId, [...scope.deptIds]) : undefined);
  const rows = await db
    .select({
      id: cannedResponses.id,
      title: cannedResponses.title,
      body: cannedResponses.body,
      format: cannedResponses.format,
      deptId: cannedResponses.deptId,
      deptName: departments.name,
      isActive: cannedResponses.isActive,
      updatedAt: cannedResponses.updatedAt,
    })
    .from(cannedResponses)
    .leftJoin(departments, eq(departments.id, cannedResponses.deptId))
    .where(and(visible))
    .orderBy(asc(cannedResponses.title), asc(cannedResponses.id));
  return rows;
}
export type ManagedCanned = Awaited<ReturnType<typeof listCannedForManagers>>[number];
