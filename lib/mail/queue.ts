// Outbound mail rows. Every mail the system sends is a row first (in the same transaction as
// the change that caused it), so nothing is dropped: without SMTP it stays visible as "unsent".
import { and, count, gte, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import type { MailKind } from "@/db/enums";
import { autoMailLog, outboundMail } from "@/db/schema";
import { env } from "@/lib/config/env";
import { bareAddress, helpdeskAddresses, mailFrom } from "./addresses";
import { plainMessageId, signedMessageId } from "./message-id";

export const SMTP_NOT_CONFIGURED = "SMTP not configured";

export type OutboundMailRow = typeof outboundMail.$inferSelect;

export interface QueueMailInput {
  kind: MailKind;
  ticketId?: number | null;
  entryId?: number | null;
  to: string[];
  cc?: string[];
  subject: string;
  text: string;
  html?: string | null;
  inReplyTo?: string | null;
  references?: string[];
  /** Automatic mail (auto-responses, alerts): marked so other systems do not answer it, and
   * limited per recipient address (except staff) to settings.maxAutoMailsPerAddressPerHour. */
  automatic?: {
    autoSubmitted: "auto-replied" | "auto-generated";
    limitPerHour: number;
    exempt?: ReadonlySet<string>;
    /** Addresses whose user was created in this transaction: no automatic mail can have gone to
     * them yet (another transaction creating the same user waits on the unique index and then
     * sees it as existing), so the check is skipped; the mail is still logged. */
    firstContact?: ReadonlySet<string>;
  };
  attachmentIds?: number[];
  /** Aliases of the support address (settings.supportAddresses): never recipients. */
  supportAliases: readonly string[];
  headers?: Record<string, string>;
}

export interface QueueMailResult {
  mail: OutboundMailRow | null;
  /** Recipients left out and why (our own address, automatic-mail limit, not an address). */
  skipped: Array<{ address: string; reason: string }>;
}

/** Keeps valid, distinct addresses that are not the help desk's own. */
export function cleanRecipients(list: string[], own: ReadonlySet<string>, skipped: QueueMailResult["skipped"], seen = new Set<string>()): string[] {
  const out: string[] = [];
  for (const raw of list) {
    const a = bareAddress(raw);
    if (!a) skipped.push({ address: raw, reason: "not an email address" });
    else if (own.has(a)) skipped.push({ address: a, reason: "the help desk's own address" });
    else if (!seen.has(a)) {
      seen.add(a);
      out.push(a);
    }
  }
  return out;
}

/** True when one more automatic mail may go to this address this hour; records it if so. */
async function takeAutoMailSlot(tx: Executor, address: string, limitPerHour: number): Promise<boolean> {
  if (limitPerHour <= 0) return true;
  // Serialise concurrent deliveries to the same address so two cannot both pass the check.
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${"auto-mail:" + address}))`);
  const since = new Date(Date.now() - 3_600_000);
  const [{ n }] = await tx
    .select({ n: count() })
    .from(autoMailLog)
    .where(and(sql`${autoMailLog.address} = ${address}`, gte(autoMailLog.createdAt, since)));
  return n < limitPerHour;
}

export async function queueMail(tx: Executor, input: QueueMailInput): Promise<QueueMailResult> {
  const own = helpdeskAddresses(input.supportAliases);
  const skipped: QueueMailResult["skipped"] = [];
  const seen = new Set<string>();
  let to = cleanRecipients(input.to, own, skipped, seen);
  let cc = cleanRecipients(input.cc ?? [], own, skipped, seen);
  const auto = input.automatic;
  if (auto) {
    const allowed = async (list: string[]) => {
      const keep: string[] = [];
      for (const a of list) {
        if (auto.exempt?.has(a) || auto.firstContact?.has(a) || (await takeAutoMailSlot(tx, a, auto.limitPerHour))) keep.push(a);
        else skipped.push({ address: a, reason: `automatic-mail limit (${auto.limitPerHour} an hour) reached` });
      }
      return keep;
    };
    to = await allowed(to);
    cc = await allowed(cc);
  }
  if (!to.length && cc.length) [to, cc] = [cc, []];
  if (!to.length) return { mail: null, skipped };

  const smtp = !!env().SMTP_URL;
  const headers: Record<string, string> = { ...input.headers };
  if (auto) {
    headers["Auto-Submitted"] = auto.autoSubmitted;
    headers["X-Auto-Response-Suppress"] = "All";
    headers.Precedence = "auto_reply";
  }
  const [mail] = await tx
    .insert(outboundMail)
    .values({
      kind: input.kind,
      status: smtp ? "queued" : "unsent",
      ticketId: input.ticketId ?? null,
      entryId: input.entryId ?? null,
      fromAddress: mailFrom(),
      to,
      cc,
      subject: input.subject.slice(0, 998),
      bodyText: input.text,
      bodyHtml: input.html ?? null,
      messageId: input.ticketId ? signedMessageId(input.ticketId) : plainMessageId(),
      inReplyTo: input.inReplyTo ?? null,
      references: input.references?.length ? input.references : null,
      headers,
      attachmentIds: input.attachmentIds ?? [],
      lastError: smtp ? null : SMTP_NOT_CONFIGURED,
      nextAttemptAt: smtp ? new Date() : null,
    })
    .returning();
  if (auto) {
    const logged = [...to, ...cc].filter((a) => !auto.exempt?.has(a));
    if (logged.length) await tx.insert(autoMailLog).values(logged.map((address) => ({ address, mailId: mail.id })));
  }
  return { mail, skipped };
}
