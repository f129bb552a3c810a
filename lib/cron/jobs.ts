// The registered jobs. Later issues add theirs here.
import { and, inArray, isNotNull, lt, sql } from "drizzle-orm";
import { pruneJobRuns } from "./prune";
import { openStatuses } from "@/db/enums";
import { autoMailLog, events, tickets } from "@/db/schema";
import { flushApiKeyUsage } from "@/lib/api-keys";
import { purgeOldDrafts } from "@/lib/drafts";
import { sendQueuedMail } from "@/lib/mail";
import { purgeDeletedTickets } from "@/lib/tickets/purge";
import { compactTicketCounts, indexTickets, runSearchSync, ticketsWithoutDocument } from "@/lib/search";
import { registerJob } from "./registry";

registerJob({
  name: "send-mail",
  description: "Send queued outbound mail over SMTP (retries with backoff)",
  everySeconds: 60,
  schedule: "* * * * *",
  async run({ db }) {
    const total = { sent: 0, retrying: 0, failed: 0 };
    // Drain in batches, but bound one run.
    for (let i = 0; i < 20; i++) {
      const s = await sendQueuedMail(db, { limit: 50 });
      total.sent += s.sent;
      total.retrying += s.retrying;
      total.failed += s.failed;
      if (s.sent + s.retrying + s.failed < 50) break;
    }
    return { ...total, apiKeysFlushed: await flushApiKeyUsage(db) };
  },
});

registerJob({
  name: "mark-overdue",
  description: "Flag open tickets whose SLA due date has passed",
  everySeconds: 300,
  schedule: "*/5 * * * *",
  async run({ db, now }) {
    return db.transaction(async (tx) => {
      const marked = await tx
        .update(tickets)
        .set({ isOverdue: true, version: sql`${tickets.version} + 1`, updatedAt: now })
        .where(and(inArray(tickets.status, [...openStatuses]), isNotNull(tickets.dueAt), lt(tickets.dueAt, now), sql`NOT ${tickets.isOverdue}`))
        .returning({ id: tickets.id, dueAt: tickets.dueAt });
      if (marked.length) {
        await tx.insert(events).values(
          marked.map((t) => ({
            entityType: "ticket",
            entityId: t.id,
            ticketId: t.id,
            action: "marked_overdue",
            actor: "cron:mark-overdue",
            before: { isOverdue: false },
            after: { isOverdue: true },
            data: { dueAt: t.dueAt },
          })),
        );
      }
      return { marked: marked.length };
    });
  },
});

registerJob({
  name: "prune-intake",
  description: "Drop automatic-mail rate records older than a day and job runs older than 30 days",
  everySeconds: 86_400,
  schedule: "17 3 * * *",
  async run({ db, now }) {
    const mails = await db.delete(autoMailLog).where(lt(autoMailLog.createdAt, new Date(now.getTime() - 86_400_000))).returning({ id: autoMailLog.id });
    return { autoMailLog: mails.length, jobRuns: await pruneJobRuns(db, 30) };
  },
});

registerJob({
  name: "purge-drafts",
  description: "Delete drafts untouched for draftRetentionDays (30) with the files uploaded to them",
  everySeconds: 86_400,
  schedule: "41 3 * * *",
  run: ({ db, now }) => purgeOldDrafts(db, now),
});

registerJob({
  name: "purge-deleted",
  description: "Remove tickets deleted more than deletedRetentionDays (30) ago for good, with their entries, attachments and unused file bytes",
  everySeconds: 86_400,
  schedule: "53 3 * * *",
  async run({ db, now }) {
    const r = await purgeDeletedTickets(db, { now });
    return { tickets: r.purged, blobs: r.blobsRemoved };
  },
});

registerJob({
  name: "search-sync",
  description: "Send queued ticket changes to Algolia (retries with backoff) and run requested full rebuilds; nothing to do without Algolia",
  everySeconds: 60,
  schedule: "* * * * *",
  run: ({ db, now }) => runSearchSync(db, now),
});

registerJob({
  name: "search-maintenance",
  description: "Fold the ticket-count deltas and index tickets that have no search document (written around the services)",
  everySeconds: 600,
  schedule: "*/10 * * * *",
  async run({ db }) {
    const counts = await compactTicketCounts(db);
    const missing = await ticketsWithoutDocument(db, 500);
    await indexTickets(db, missing);
    return { countRowsBefore: counts.before, countRowsAfter: counts.after, documentsAdded: missing.length };
  },
});
