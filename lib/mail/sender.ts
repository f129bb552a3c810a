// Sends queued mail over SMTP (nodemailer) with retry and backoff. Rows are claimed with
// FOR UPDATE SKIP LOCKED so several workers never send the same mail twice.
import nodemailer, { type Transporter } from "nodemailer";
import { eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { rows } from "@/db/rows";
import { attachments, outboundMail } from "@/db/schema";
import { readAttachmentContent } from "@/lib/attachments";
import { env } from "@/lib/config/env";
import { angle } from "./message-id";
import type { OutboundMailRow } from "./queue";

export const MAX_ATTEMPTS = 6;
/** A row left in "sending" this long (a crashed worker) is taken again. */
const STUCK_AFTER_MS = 10 * 60_000;

let transport: { url: string; t: Transporter } | null = null;

function getTransport(url: string): Transporter {
  if (!transport || transport.url !== url) {
    transport = { url, t: nodemailer.createTransport(url) };
  }
  return transport.t;
}

/** Backoff before attempt n+1: 1, 2, 4, 8, 16 minutes, at most an hour. */
export function backoffMs(attempts: number): number {
  return Math.min(60, 2 ** Math.max(0, attempts - 1)) * 60_000;
}

/** SMTP 5xx answers are permanent; everything else (4xx, network) is worth retrying. */
function isPermanent(err: unknown): boolean {
  const code = (err as { responseCode?: number }).responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}

async function claim(db: Executor, limit: number): Promise<OutboundMailRow[]> {
  const claimed = await rows<{ id: number }>(
    db,
    sql`UPDATE outbound_mail SET status = 'sending', attempts = attempts + 1, updated_at = now()
        WHERE id IN (
          SELECT id FROM outbound_mail
          WHERE (status = 'queued' AND (next_attempt_at IS NULL OR next_attempt_at <= now()))
             OR (status = 'sending' AND updated_at < now() - make_interval(secs => ${STUCK_AFTER_MS / 1000}))
          ORDER BY id LIMIT ${limit}
          FOR UPDATE SKIP LOCKED)
        RETURNING id`,
  );
  if (!claimed.length) return [];
  return db.select().from(outboundMail).where(inArray(outboundMail.id, claimed.map((r) => r.id)));
}

async function toMessage(db: Executor, mail: OutboundMailRow) {
  const files = mail.attachmentIds.length ? await db.select().from(attachments).where(inArray(attachments.id, mail.attachmentIds)) : [];
  const loaded = await Promise.all(
    files.map(async (f) => ({ filename: f.name, contentType: f.contentType, content: (await readAttachmentContent(db, f)) ?? Buffer.alloc(0), cid: f.contentId ?? undefined })),
  );
  return {
    from: mail.fromAddress,
    to: mail.to,
    cc: mail.cc.length ? mail.cc : undefined,
    subject: mail.subject,
    text: mail.bodyText,
    html: mail.bodyHtml ?? undefined,
    messageId: angle(mail.messageId),
    inReplyTo: mail.inReplyTo ? angle(mail.inReplyTo) : undefined,
    references: mail.references?.length ? mail.references.map(angle) : undefined,
    headers: mail.headers,
    attachments: loaded,
  };
}

export interface SendSummary {
  sent: number;
  retrying: number;
  failed: number;
}

/** Sends what is due. Without SMTP_URL nothing is sent (rows stay "unsent", visible). */
export async function sendQueuedMail(db: Executor, opts: { limit?: number } = {}): Promise<SendSummary> {
  const summary: SendSummary = { sent: 0, retrying: 0, failed: 0 };
  const url = env().SMTP_URL;
  if (!url) return summary;
  const batch = await claim(db, opts.limit ?? 50);
  for (const mail of batch) {
    try {
      await getTransport(url).sendMail(await toMessage(db, mail));
      await db.update(outboundMail).set({ status: "sent", sentAt: new Date(), lastError: null, nextAttemptAt: null }).where(eq(outboundMail.id, mail.id));
      summary.sent++;
    } catch (err) {
      const message = (err as Error).message?.slice(0, 1000) ?? String(err);
      const final = isPermanent(err) || mail.attempts >= MAX_ATTEMPTS;
      await db
        .update(outboundMail)
        .set(
          final
            ? { status: "failed", lastError: message, nextAttemptAt: null }
            : { status: "queued", lastError: message, nextAttemptAt: new Date(Date.now() + backoffMs(mail.attempts)) },
        )
        .where(eq(outboundMail.id, mail.id));
      if (final) summary.failed++;
      else summary.retrying++;
    }
  }
  return summary;
}

let running: Promise<unknown> | null = null;
let again = false;

/**
 * Starts sending right after a commit instead of waiting for the cron job (single-flight: a
 * call while a run is in progress schedules one more run). Errors are logged; the cron job
 * picks up whatever is left.
 */
export function kickMailSender(getDb: () => Promise<Executor>): void {
  if (!env().SMTP_URL) return;
  if (running) {
    again = true;
    return;
  }
  running = (async () => {
    do {
      again = false;
      await sendQueuedMail(await getDb());
    } while (again);
  })()
    .catch((e) => console.error("[mail] background send failed:", (e as Error).message))
    .finally(() => {
      running = null;
    });
}

/** Waits for a background run started by kickMailSender (tests, graceful shutdown). */
export async function mailSenderIdle(): Promise<void> {
  while (running) await running;
}
