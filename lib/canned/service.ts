// Canned responses: listed by department for everyone who answers tickets; created, edited and
// deleted by managers (their departments) and admins (also global ones).
import { and, asc, eq, ilike, inArray, isNull, or } from "drizzle-orm";
import { DateTime } from "luxon";
import sanitizeHtml from "sanitize-html";
import type { Db, Executor } from "@/db/client";
import { cannedResponses, departments } from "@/db/schema";
import { type SessionStaff, hasDeptAccess, scopeOf } from "@/lib/auth";
import { recordEvent } from "@/lib/events";
import { AppError } from "@/lib/http/errors";
import { loadTicketHeader } from "@/lib/tickets";
import { firstName, fillVariables } from "./render";
import type { CreateCannedInput, ListCannedQuery, UpdateCannedInput } from "./schemas";

type Caller = Pick<SessionStaff, "id" | "name" | "email" | "role" | "deptIds" | "teamIds" | "timezone" | "signature">;
type CannedRow = typeof cannedResponses.$inferSelect;

const visibleTo = (caller: Caller) => {
  const scope = scopeOf(caller);
  return scope.all ? undefined : or(isNull(cannedResponses.deptId), scope.deptIds.length ? inArray(cannedResponses.deptId, [...scope.deptIds]) : undefined);
};

const clean = (body: string, format: string) => (format === "html" ? sanitizeHtml(body) : body);

function assertManages(caller: Caller, deptId: number | null) {
  if (deptId === null ? caller.role !== "admin" : !hasDeptAccess(scopeOf(caller), deptId)) {
    throw new AppError("forbidden", deptId === null ? "Only admins manage canned responses for every department" : "You do not manage canned responses of that department");
  }
}

export async function listCanned(db: Executor, caller: Caller, q: ListCannedQuery) {
  const like = q.q ? `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  const items = await db
    .select()
    .from(cannedResponses)
    .where(
      and(
        eq(cannedResponses.isActive, true),
        visibleTo(caller),
        q.deptId ? or(isNull(cannedResponses.deptId), eq(cannedResponses.deptId, q.deptId)) : undefined,
        like ? or(ilike(cannedResponses.title, like), ilike(cannedResponses.body, like)) : undefined,
      ),
    )
    .orderBy(asc(cannedResponses.title), asc(cannedResponses.id));
  return { items, total: items.length, nextCursor: null };
}

export async function getCanned(db: Executor, caller: Caller, id: number): Promise<CannedRow> {
  const [row] = await db.select().from(cannedResponses).where(and(eq(cannedResponses.id, id), visibleTo(caller)));
  if (!row) throw new AppError("not_found", `Canned response ${id} not found`);
  return row;
}

export async function createCanned(db: Db, caller: Caller, input: CreateCannedInput) {
  assertManages(caller, input.deptId);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(cannedResponses).values({ ...input, body: clean(input.body, input.format), createdById: caller.id }).returning();
    await recordEvent(tx, { entityType: "canned", entityId: row.id, action: "created", staffId: caller.id, after: { title: row.title, deptId: row.deptId } });
    return row;
  });
}

export async function updateCanned(db: Db, caller: Caller, id: number, input: UpdateCannedInput) {
  const current = await getCanned(db, caller, id);
  assertManages(caller, current.deptId);
  if (input.deptId !== undefined) assertManages(caller, input.deptId);
  const format = input.format ?? current.format;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(cannedResponses)
      .set({ ...input, ...(input.body !== undefined || input.format ? { body: clean(input.body ?? current.body, format) } : {}) })
      .where(eq(cannedResponses.id, id))
      .returning();
    await recordEvent(tx, { entityType: "canned", entityId: id, action: "updated", staffId: caller.id, before: { title: current.title }, after: { title: row.title } });
    return row;
  });
}

export async function deleteCanned(db: Db, caller: Caller, id: number) {
  const current = await getCanned(db, caller, id);
  assertManages(caller, current.deptId);
  await db.transaction(async (tx) => {
    await tx.delete(cannedResponses).where(eq(cannedResponses.id, id));
    await recordEvent(tx, { entityType: "canned", entityId: id, action: "deleted", staffId: caller.id, before: { title: current.title, deptId: current.deptId } });
  });
}

/** The response with its variables filled for a ticket the caller can see. */
export async function renderCanned(db: Executor, caller: Caller, id: number, tid: number) {
  const canned = await getCanned(db, caller, id);
  const h = await loadTicketHeader(db, caller, tid);
  const [dept] = await db.select({ signature: departments.signature }).from(departments).where(eq(departments.id, h.department.id));
  const when = (d: Date | null) => (d ? DateTime.fromJSDate(d).setZone(caller.timezone).toFormat("yyyy-MM-dd HH:mm ZZZZ") : "");
  const filled = fillVariables(
    canned.body,
    {
      "ticket.number": h.ticket.number,
      "ticket.subject": h.ticket.subject,
      "ticket.status": h.ticket.status.replace("_", " "),
      "ticket.priority": h.priority.name,
      "ticket.dept": h.department.name,
      "ticket.topic": h.topic?.name,
      "ticket.due": when(h.ticket.dueAt),
      "ticket.created": when(h.ticket.createdAt),
      "ticket.assignee": h.staff?.name ?? h.team?.name,
      "user.name": h.user.name,
      "user.firstname": firstName(h.user.name),
      "user.email": h.user.email,
      "user.phone": h.user.phone,
      "org.name": h.organization?.name,
      "staff.name": caller.name,
      "staff.firstname": firstName(caller.name),
      "staff.email": caller.email,
      "staff.signature": caller.signature,
      "dept.name": h.department.name,
      "dept.signature": dept?.signature,
    },
    canned.format,
  );
  return { id: canned.id, title: canned.title, format: canned.format, ...filled };
}
