// Which ticket an inbound mail belongs to: by Message-ID (In-Reply-To, then References newest
// first, against stored incoming and outgoing mail and our signed ids), or by a [#number] tag in
// the subject. Merged tickets forward to the ticket they were merged into.
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { outboundMail, threadEntries, ticketCollaborators, tickets, users } from "@/db/schema";
import { rows } from "@/db/rows";
import { ticketIdFromMessageId } from "@/lib/mail";

export type TicketRow = typeof tickets.$inferSelect;

/** The ticket a message id already belongs to, if we stored it (duplicate delivery, own mail). */
export async function findStoredMessage(db: Executor, messageId: string): Promise<{ ticketId: number | null; where: "entry" | "outbound" | "inbound" } | null> {
  // One round trip for the question every inbound mail asks first.
  const [hit] = await rows<{ ticket_id: number | null; w: "entry" | "outbound" | "inbound" }>(
    db,
    sql`SELECT ticket_id, w FROM (
          (SELECT ticket_id, 'entry' AS w, 1 AS o FROM thread_entries WHERE message_id = ${messageId} LIMIT 1)
          UNION ALL (SELECT ticket_id, 'outbound', 2 FROM outbound_mail WHERE message_id = ${messageId} LIMIT 1)
          UNION ALL (SELECT ticket_id, 'inbound', 3 FROM inbound_messages WHERE message_id = ${messageId} AND outcome <> 'refused' LIMIT 1)
        ) found ORDER BY o LIMIT 1`,
  );
  return hit ? { ticketId: hit.ticket_id, where: hit.w } : null;
}

/** Follows merged-into links to the surviving ticket. */
export async function resolveMerged(db: Executor, ticketId: number): Promise<TicketRow | null> {
  let id = ticketId;
  for (let hop = 0; hop < 10; hop++) {
    const [t] = await db.select().from(tickets).where(eq(tickets.id, id));
    if (!t) return null;
    if (!t.mergedIntoId) return t;
    id = t.mergedIntoId;
  }
  return null;
}

/** The first of the ids (in the order given) that names a ticket. */
export async function findTicketByMessageIds(db: Executor, ids: string[]): Promise<{ ticket: TicketRow; via: string } | null> {
  const wanted = [...new Set(ids.filter(Boolean))].slice(0, 100);
  if (!wanted.length) return null;
  const byId = new Map<string, number>();
  const entries = await db.select({ m: threadEntries.messageId, t: threadEntries.ticketId }).from(threadEntries).where(inArray(threadEntries.messageId, wanted));
  for (const e of entries) byId.set(e.m!, e.t);
  const outs = await db.select({ m: outboundMail.messageId, t: outboundMail.ticketId }).from(outboundMail).where(inArray(outboundMail.messageId, wanted));
  for (const o of outs) if (o.t != null && !byId.has(o.m)) byId.set(o.m, o.t);
  for (const id of wanted) {
    const tid = byId.get(id) ?? ticketIdFromMessageId(id);
    if (tid == null) continue;
    const ticket = await resolveMerged(db, tid);
    if (ticket) return { ticket, via: id };
  }
  return null;
}

/** Tickets named by subject tags, in tag order, where the sender is the owner or a collaborator. */
export async function findTicketByTags(db: Executor, numbers: string[], sender: string): Promise<TicketRow | null> {
  if (!numbers.length) return null;
  const found = await db.select().from(tickets).where(inArray(tickets.number, numbers.slice(0, 20)));
  for (const number of numbers) {
    const direct = found.find((t) => t.number === number);
    if (!direct) continue;
    // The sender must belong to the ticket the tag names (or to the one it was merged into).
    for (const candidate of [direct, await resolveMerged(db, direct.id)]) {
      if (candidate && (await isParticipant(db, candidate, sender))) return (await resolveMerged(db, candidate.id)) ?? candidate;
    }
  }
  return null;
}

export async function isParticipant(db: Executor, ticket: TicketRow, email: string): Promise<boolean> {
  const [owner] = await db.select({ email: users.email }).from(users).where(eq(users.id, ticket.userId));
  if (owner?.email.toLowerCase() === email) return true;
  const [collab] = await db
    .select({ id: users.id })
    .from(ticketCollaborators)
    .innerJoin(users, eq(users.id, ticketCollaborators.userId))
    .where(and(eq(ticketCollaborators.ticketId, ticket.id), sql`lower(${users.email}) = ${email}`))
    .limit(1);
  return !!collab;
}
