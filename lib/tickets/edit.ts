// Editing a ticket's fields: subject, priority, help topic, due date, requester,
// collaborators, documentation-required flag. One event lists every field changed.
import { and, eq, inArray } from "drizzle-orm";
import type { Db, Executor } from "@/db/client";
import { helpTopics, priorities, ticketCollaborators, users } from "@/db/schema";
import { AppError } from "@/lib/http/errors";
import { indexTicket } from "@/lib/search";
import type { Actor } from "./actor";
import { ticketEvent } from "./events";
import { type TicketRow, lockTicket, updateTicket, ticketTransaction } from "./lock";
import type { EditTicketInput } from "./schemas";

async function requireActive(db: Executor, field: string, table: typeof priorities | typeof helpTopics, id: number) {
  const [row] = await db.select({ id: table.id, isActive: table.isActive }).from(table).where(eq(table.id, id));
  if (!row?.isActive) throw AppError.fields({ [field]: `No active ${field.replace(/Id$/, "")} ${id}` });
}

async function requireUsers(db: Executor, field: string, ids: number[]) {
  if (!ids.length) return;
  const found = await db.select({ id: users.id }).from(users).where(inArray(users.id, ids));
  const missing = ids.filter((i) => !found.some((f) => f.id === i));
  if (missing.length) throw AppError.fields({ [field]: `Unknown user${missing.length > 1 ? "s" : ""} ${missing.join(", ")}` });
}

async function editCollaborators(tx: Executor, t: TicketRow, c: NonNullable<EditTicketInput["collaborators"]>) {
  const changes: Record<string, number[]> = {};
  const add = (c.add ?? []).filter((u) => u !== t.userId);
  if (c.add?.includes(t.userId)) throw AppError.fields({ "collaborators.add": "The requester cannot also be a collaborator" });
  await requireUsers(tx, "collaborators.add", add);
  if (add.length) {
    const rows = await tx.insert(ticketCollaborators).values(add.map((userId) => ({ ticketId: t.id, userId }))).onConflictDoNothing().returning();
    if (rows.length) changes.added = rows.map((r) => r.userId);
  }
  const of = (ids: number[]) => and(eq(ticketCollaborators.ticketId, t.id), inArray(ticketCollaborators.userId, ids));
  if (c.remove?.length) {
    const rows = await tx.delete(ticketCollaborators).where(of(c.remove)).returning();
    if (rows.length) changes.removed = rows.map((r) => r.userId);
  }
  for (const [key, isActive] of [["activate", true], ["deactivate", false]] as const) {
    const ids = c[key];
    if (!ids?.length) continue;
    const rows = await tx.update(ticketCollaborators).set({ isActive }).where(of(ids)).returning();
    if (rows.length) changes[isActive ? "activated" : "deactivated"] = rows.map((r) => r.userId);
  }
  return changes;
}

export async function editTicket(db: Db, actor: Actor, tid: number, input: EditTicketInput) {
  return ticketTransaction(db, async (tx) => {
    const t = await lockTicket(tx, actor, tid, { expectedVersion: input.expectedVersion });
    const patch: Partial<TicketRow> = {};
    if (input.subject !== undefined && input.subject !== t.subject) patch.subject = input.subject;
    if (input.priorityId !== undefined && input.priorityId !== t.priorityId) {
      await requireActive(tx, "priorityId", priorities, input.priorityId);
      patch.priorityId = input.priorityId;
    }
    if (input.topicId !== undefined && input.topicId !== t.topicId) {
      if (input.topicId !== null) await requireActive(tx, "topicId", helpTopics, input.topicId);
      patch.topicId = input.topicId;
    }
    if (input.dueAt !== undefined) {
      const due = input.dueAt === null ? null : new Date(input.dueAt);
      if (due?.getTime() !== t.dueAt?.getTime()) Object.assign(patch, { dueAt: due, isOverdue: false });
    }
    if (input.userId !== undefined && input.userId !== t.userId) {
      const [u] = await tx.select().from(users).where(eq(users.id, input.userId));
      if (!u) throw AppError.fields({ userId: `Unknown user ${input.userId}` });
      Object.assign(patch, { userId: u.id, orgId: u.orgId });
      await tx.delete(ticketCollaborators).where(and(eq(ticketCollaborators.ticketId, t.id), eq(ticketCollaborators.userId, u.id)));
    }
    if (input.docsRequired !== undefined && input.docsRequired !== t.docsRequired) patch.docsRequired = input.docsRequired;
    const collaborators = input.collaborators ? await editCollaborators(tx, t, input.collaborators) : {};

    if (!Object.keys(patch).length && !Object.keys(collaborators).length) return { ticket: t, changed: [] as string[] };
    const updated = await updateTicket(tx, t.id, patch);
    if (patch.subject !== undefined || patch.userId !== undefined) await indexTicket(tx, t.id);
    const fields = Object.keys(patch).filter((k) => k !== "isOverdue" && k !== "orgId");
    const before = Object.fromEntries(fields.map((k) => [k, t[k as keyof TicketRow]]));
    const after = Object.fromEntries(fields.map((k) => [k, updated[k as keyof TicketRow]]));
    await ticketEvent(tx, actor, t.id, "edited", { before, after, data: Object.keys(collaborators).length ? { collaborators } : undefined });
    return { ticket: updated, changed: [...fields, ...(Object.keys(collaborators).length ? ["collaborators"] : [])] };
  });
}
