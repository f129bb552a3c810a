// One outbound mail in full (the panel's preview) and retrying a failed or unsent one. The retry
// is an event in the same transaction as the requeue.
import { and, count, eq, inArray } from "drizzle-orm";
import type { Db, Executor } from "@/db/client";
import { attachments, outboundMail, tickets } from "@/db/schema";
import { isConfigured } from "@/lib/config/features";
import { recordEvent } from "@/lib/events";
import { AppError } from "@/lib/http/errors";

export async function getOutboundMail(db: Executor, id: number) {
  const [row] = await db
    .select({ mail: outboundMail, ticketNumber: tickets.number, ticketSubject: tickets.subject })
    .from(outboundMail)
    .leftJoin(tickets, eq(tickets.id, outboundMail.ticketId))
    .where(eq(outboundMail.id, id));
  if (!row) throw new AppError("not_found", `Mail ${id} not found`);
  const files = row.mail.attachmentIds.length
    ? await db
        .select({ id: attachments.id, name: attachments.name, contentType: attachments.contentType, size: attachments.size })
        .from(attachments)
        .where(inArray(attachments.id, row.mail.attachmentIds))
    : [];
  return { ...row.mail, ticketNumber: row.ticketNumber, ticketSubject: row.ticketSubject, attachments: files };
}
export type OutboundMailDetail = Awaited<ReturnType<typeof getOutboundMail>>;

/** Puts a failed or unsent mail back in the queue; without SMTP it could only sit there, so that is a 503. */
export async function retryMail(db: Db, actor: { id: number }, id: number) {
  if (!isConfigured("smtp")) {
    throw new AppError("not_configured", "SMTP is not configured (set SMTP_URL); the mail stays unsent until then");
  }
  await db.transaction(async (tx) => {
    const [current] = await tx.select({ status: outboundMail.status, attempts: outboundMail.attempts, lastError: outboundMail.lastError }).from(outboundMail).where(eq(outboundMail.id, id)).for("update");
    if (!current) throw new AppError("not_found", `Mail ${id} not found`);
    const [row] = await tx
      .update(outboundMail)
      .set({ status: "queued", attempts: 0, nextAttemptAt: new Date(), lastError: null })
      .where(and(eq(outboundMail.id, id), inArray(outboundMail.status, ["failed", "unsent"])))
      .returning({ id: outboundMail.id });
    if (!row) throw new AppError("conflict", `Only failed or unsent mail can be retried; this one is ${current.status}`);
    await recordEvent(tx, { entityType: "mail", entityId: id, action: "requeued", staffId: actor.id, before: current, after: { status: "queued", attempts: 0 } });
  });
  return getOutboundMail(db, id);
}

/** How many mails are in each status, for the outbox page's filter tabs. */
export async function countOutboxByStatus(db: Executor): Promise<Record<string, number>> {
  const found = await db.select({ status: outboundMail.status, n: count() }).from(outboundMail).groupBy(outboundMail.status);
  return Object.fromEntries(found.map((r) => [r.status, Number(r.n)]));
}
