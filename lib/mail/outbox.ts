// The outbox: every mail row with its status, for the API and the panel (queued, sending, sent,
// failed, unsent with the reason, e.g. "SMTP not configured").
import { and, desc, eq, inArray, lt, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import type { MailStatus } from "@/db/enums";
import { outboundMail, tickets } from "@/db/schema";

export interface OutboxQuery {
  status?: MailStatus;
  ticketId?: number;
  /** Rows with an id below this (the previous page's nextCursor). */
  cursor?: number;
  limit?: number;
}

export async function listOutboundMail(db: Executor, q: OutboxQuery = {}) {
  const limit = Math.min(Math.max(q.limit ?? 50, 1), 200);
  const where: SQL[] = [];
  if (q.status) where.push(eq(outboundMail.status, q.status));
  if (q.ticketId) where.push(eq(outboundMail.ticketId, q.ticketId));
  if (q.cursor) where.push(lt(outboundMail.id, q.cursor));
  const items = await db
    .select({
      id: outboundMail.id,
      kind: outboundMail.kind,
      status: outboundMail.status,
      ticketId: outboundMail.ticketId,
      ticketNumber: tickets.number,
      to: outboundMail.to,
      cc: outboundMail.cc,
      subject: outboundMail.subject,
      messageId: outboundMail.messageId,
      attempts: outboundMail.attempts,
      lastError: outboundMail.lastError,
      nextAttemptAt: outboundMail.nextAttemptAt,
      sentAt: outboundMail.sentAt,
      createdAt: outboundMail.createdAt,
    })
    .from(outboundMail)
    .leftJoin(tickets, eq(tickets.id, outboundMail.ticketId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(outboundMail.id))
    .limit(limit + 1);
  const more = items.length > limit;
  const page = more ? items.slice(0, limit) : items;
  return { items: page, nextCursor: more ? page[page.length - 1].id : null };
}

/** Puts failed or unsent mail back in the queue (e.g. after SMTP_URL was set). */
export async function requeueMail(db: Executor, id: number): Promise<boolean> {
  const rows = await db
    .update(outboundMail)
    .set({ status: "queued", attempts: 0, nextAttemptAt: new Date(), lastError: null })
    .where(and(eq(outboundMail.id, id), inArray(outboundMail.status, ["failed", "unsent"])))
    .returning({ id: outboundMail.id, status: outboundMail.status });
  return rows.length === 1;
}
