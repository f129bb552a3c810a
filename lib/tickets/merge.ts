// Merge and link. The path's ticket is the parent. "combine" moves the children's thread
// entries into the parent (shown in time order, marked with their origin); "separate" moves
// them too but the parent shows them grouped per child; "link" only relates the tickets.
// Merged children are closed, point to the parent (so later mail lands there) and their owners
// become collaborators of the parent. One transaction with every ticket locked in id order:
// all or nothing, and overlapping merges cannot both take the same child.
import { inArray, sql } from "drizzle-orm";
import type { Db, Executor } from "@/db/client";
import { attachments, threadEntries, ticketCollaborators, ticketLinks, tickets } from "@/db/schema";
import { AppError } from "@/lib/http/errors";
import { indexTickets } from "@/lib/search";
import { moveTasksToTicket } from "@/lib/tasks";
import type { Actor } from "./actor";
import { ticketEvent } from "./events";
import { type TicketRow, conflict, lockTickets, updateTicket, ticketTransaction } from "./lock";
import type { MergeInput } from "./schemas";
import { statusPatch } from "./status";

const latest = (...dates: (Date | null)[]) => dates.reduce<Date | null>((a, d) => (d && (!a || d > a) ? d : a), null);

async function checkMergeable(tx: Executor, parent: TicketRow, children: TicketRow[], expectedVersion?: number) {
  if (expectedVersion !== undefined && parent.version !== expectedVersion) throw await conflict(tx, parent, `Ticket #${parent.number} was changed by someone else`);
  if (parent.mergedIntoId) {
    throw new AppError("conflict", `Ticket #${parent.number} is itself merged into another ticket; merge into that one instead`);
  }
  const merged = children.filter((c) => c.mergedIntoId);
  if (merged.length) throw new AppError("conflict", `Already merged: ${merged.map((c) => `#${c.number}`).join(", ")}`, { data: { tids: merged.map((c) => c.id) } });
}

async function linkTickets(tx: Executor, actor: Actor, parent: TicketRow, children: TicketRow[]) {
  const rows = await tx
    .insert(ticketLinks)
    .values(children.map((c) => ({ parentId: parent.id, childId: c.id, kind: "link" as const, staffId: actor.id })))
    .onConflictDoNothing()
    .returning();
  if (!rows.length) throw new AppError("conflict", "These tickets are already linked");
  for (const c of children.filter((c) => rows.some((r) => r.childId === c.id))) {
    await updateTicket(tx, c.id, {});
    await ticketEvent(tx, actor, c.id, "linked", { data: { ticket: { id: parent.id, number: parent.number } } });
  }
  const updated = await updateTicket(tx, parent.id, {});
  await ticketEvent(tx, actor, parent.id, "linked", { data: { tickets: rows.map((r) => r.childId) } });
  return updated;
}

export async function mergeTickets(db: Db, actor: Actor, parentId: number, input: MergeInput) {
  const childIds = [...new Set(input.tids)];
  if (!childIds.length) throw AppError.fields({ tids: "Name at least one ticket to merge" });
  if (childIds.includes(parentId)) throw new AppError("conflict", "A ticket cannot be merged into itself");
  return ticketTransaction(db, async (tx) => {
    const locked = await lockTickets(tx, actor, [parentId, ...childIds]);
    const parent = locked.get(parentId)!;
    const children = childIds.map((id) => locked.get(id)!);
    await checkMergeable(tx, parent, children, input.expectedVersion);
    if (input.mode === "link") return { ticket: await linkTickets(tx, actor, parent, children), children: childIds };

    const now = new Date();
    // Entries and their attachments move; an entry keeps the ticket it first came from.
    await tx
      .update(threadEntries)
      .set({ ticketId: parent.id, mergedFromTicketId: sql`COALESCE(${threadEntries.mergedFromTicketId}, ${threadEntries.ticketId})` })
      .where(inArray(threadEntries.ticketId, childIds));
    await tx.update(attachments).set({ ticketId: parent.id }).where(inArray(attachments.ticketId, childIds));
    // Tasks follow the thread, so the closed children keep none open.
    await moveTasksToTicket(tx, actor, childIds, parent);
    // Tickets merged earlier into a child now belong to the parent.
    await tx
      .update(tickets)
      .set({ mergedIntoId: parent.id, version: sql`${tickets.version} + 1`, updatedAt: now })
      .where(inArray(tickets.mergedIntoId, childIds));
    // A plain link between the parent and a ticket now merged into it (a child, or a ticket
    // merged earlier into a child), in either direction, gives way to the merge row: the pair
    // index (ticket_links_pair_idx) would otherwise refuse it.
    const merging = [...childIds, ...[...locked.values()].filter((r) => r.mergedIntoId !== null && childIds.includes(r.mergedIntoId)).map((r) => r.id)];
    await tx
      .delete(ticketLinks)
      .where(
        sql`${ticketLinks.kind} = 'link' AND ((${ticketLinks.parentId} = ${parent.id} AND ${ticketLinks.childId} IN ${merging}) OR (${ticketLinks.childId} = ${parent.id} AND ${ticketLinks.parentId} IN ${merging}))`,
      );
    await tx.update(ticketLinks).set({ parentId: parent.id }).where(sql`${ticketLinks.parentId} IN ${childIds} AND ${ticketLinks.kind} <> 'link'`);
    await tx.insert(ticketLinks).values(children.map((c) => ({ parentId: parent.id, childId: c.id, kind: input.mode, staffId: actor.id })));

    const participants = new Set(children.map((c) => c.userId));
    if (input.participants === "all") {
      const cc = await tx.select({ userId: ticketCollaborators.userId }).from(ticketCollaborators).where(inArray(ticketCollaborators.ticketId, childIds));
      cc.forEach((r) => participants.add(r.userId));
    }
    participants.delete(parent.userId);
    if (participants.size) {
      await tx
        .insert(ticketCollaborators)
        .values([...participants].map((userId) => ({ ticketId: parent.id, userId })))
        .onConflictDoNothing();
    }

    for (const c of children) {
      const patch = c.status === input.childStatus ? {} : await statusPatch(tx, actor, c, input.childStatus, now);
      await updateTicket(tx, c.id, { ...patch, mergedIntoId: parent.id }, now);
      await ticketEvent(tx, actor, c.id, "merged_into", {
        before: { status: c.status, priorityId: c.priorityId },
        after: { status: patch.status ?? c.status, mergedIntoId: parent.id },
        data: { parent: { id: parent.id, number: parent.number }, mode: input.mode },
      });
    }
    const updated = await updateTicket(
      tx,
      parent.id,
      {
        lastMessageAt: latest(parent.lastMessageAt, ...children.map((c) => c.lastMessageAt)),
        lastResponseAt: latest(parent.lastResponseAt, ...children.map((c) => c.lastResponseAt)),
      },
      now,
    );
    await indexTickets(tx, [parent.id, ...childIds]);
    await ticketEvent(tx, actor, parent.id, "merged", {
      data: {
        mode: input.mode,
        children: children.map((c) => ({ id: c.id, number: c.number, subject: c.subject, status: c.status, priorityId: c.priorityId })),
      },
    });
    return { ticket: updated, children: childIds };
  });
}
