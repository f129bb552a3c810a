// The email pipeline behind every door (tickets.email, the webhook, the pipe). In order:
//   refuse (no sender, banned, our own address) -> (1) duplicate Message-ID -> (2) In-Reply-To /
//   References (newest first) against stored incoming and outgoing ids and our signed ids (a
//   bounce: the returned message's id) -> (3) [#number] subject tag when the sender is the owner
//   or a collaborator -> otherwise a new ticket (loop guard: N new tickets per sender an hour).
import { and, count, eq, gte, inArray, sql } from "drizzle-orm";
import { type Db, type Executor, getDb } from "@/db/client";
import { outboundMail, staff, ticketCollaborators, ticketLinks, tickets, users } from "@/db/schema";
import { checkFile, type FileInput } from "@/lib/attachments";
import { getSettings } from "@/lib/config/settings";
import type { Settings } from "@/lib/config/settings-schema";
import { extractTicketTags, hasHeaderBlock, type ParsedEmail } from "@/lib/email";
import { recordEvent } from "@/lib/events";
import { AppError } from "@/lib/http/errors";
import { helpdeskAddresses, kickMailSender } from "@/lib/mail";
import { createTicket } from "@/lib/tickets/create";
import { loadCatalog } from "@/lib/tickets/create-defaults";
import { findOrCreateUser } from "@/lib/tickets/requesters";
import { textToHtml } from "@/lib/threads";
import { appendToTicket } from "./append";
import { type InboundDoor, type InboundOutcome, logInbound } from "./log";
import { findStoredMessage, findTicketByMessageIds, findTicketByTags, resolveMerged, type TicketRow } from "./match";
import { emailMeta, entryBodyOf, htmlFinalizer, parseSafely } from "./parsed";
import { isBanned, replyAction } from "./rules";

export interface InboundResult {
  outcome: InboundOutcome;
  /** The rule that decided, e.g. "new-ticket", "in-reply-to", "subject-tag", "banned". */
  reason: string;
  number: string | null;
  tid: number | null;
  entryId: number | null;
  messageId: string | null;
  refusal?: "banned" | "loop-guard" | "own-address" | "no-sender";
}

export const NO_HEADER_BLOCK = "The input has no header block: it is not an email message";

function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; cause?: { code?: string } };
  return err?.code === "23505" || err?.cause?.code === "23505";
}

export async function processInboundEmail(db: Db, raw: Buffer, opts: { door: InboundDoor }): Promise<InboundResult> {
  if (!hasHeaderBlock(raw)) throw new AppError("bad_request", NO_HEADER_BLOCK, { errors: { message: "no header block" } });
  const settings = await getSettings(db);
  const parsed = await parseSafely(raw, settings);
  const sender = parsed.from?.address ?? parsed.sender?.address ?? null;
  const base = { door: opts.door, messageId: parsed.messageId, sender, subject: parsed.subject, size: raw.length };
  const finish = async (r: Omit<InboundResult, "messageId">, keepRaw = false): Promise<InboundResult> => {
    await logInbound(db, { ...base, outcome: r.outcome, reason: r.reason, ticketId: r.tid, entryId: r.entryId, keepRaw: keepRaw ? raw : null });
    // Send the auto-response now; the pipe CLI exits at once and leaves it to the send-mail job.
    if (r.outcome === "created" && opts.door !== "pipe") kickMailSender(getDb);
    return { ...r, messageId: parsed.messageId };
  };
  const refuse = (refusal: NonNullable<InboundResult["refusal"]>, reason: string) =>
    finish({ outcome: "refused", reason, refusal, number: null, tid: null, entryId: null }, true);

  if (!sender) return refuse("no-sender", "no sender address (From) in the message");
  if (isBanned(sender, settings.banList)) {
    await recordEvent(db, { entityType: "email", action: "refused", actor: "email", data: { sender, messageId: parsed.messageId, reason: "banned" } });
    return refuse("banned", `sender ${sender} is banned`);
  }
  if (helpdeskAddresses(settings.supportAddresses).has(sender)) return refuse("own-address", `sent from the help desk's own address ${sender} (mail loop)`);

  try {
    return await route(db, raw, parsed, sender, settings, finish);
  } catch (e) {
    // The same message delivered twice at once: the second insert hits the unique Message-ID.
    if (isUniqueViolation(e)) {
      const dup = await duplicateOf(db, parsed.messageId);
      if (dup) return finish(dup);
    }
    throw e;
  }
}

async function duplicateOf(db: Db, messageId: string): Promise<Omit<InboundResult, "messageId"> | null> {
  const stored = await findStoredMessage(db, messageId);
  if (!stored) return null;
  const ticket = stored.ticketId != null ? await resolveMerged(db, stored.ticketId) : null;
  return { outcome: "duplicate", reason: `Message-ID already stored (${stored.where})`, number: ticket?.number ?? null, tid: ticket?.id ?? null, entryId: null };
}

type Finish = (r: Omit<InboundResult, "messageId">, keepRaw?: boolean) => Promise<InboundResult>;

async function route(db: Db, raw: Buffer, parsed: ParsedEmail, sender: string, settings: Settings, finish: Finish): Promise<InboundResult> {
  const dup = await duplicateOf(db, parsed.messageId);
  if (dup) return finish(dup);

  const threadIds = [parsed.inReplyTo ?? "", ...[...parsed.references].reverse()];
  let match = await findTicketByMessageIds(db, threadIds);
  let via = match ? (match.via === parsed.inReplyTo ? "in-reply-to" : "references") : "";
  if (!match && parsed.auto.bounce?.originalMessageId) {
    match = await findTicketByMessageIds(db, [parsed.auto.bounce.originalMessageId]);
    via = "bounced-message-id";
  }
  let ticket: TicketRow | null = match?.ticket ?? null;
  if (!ticket && !parsed.auto.isBounce) {
    ticket = await findTicketByTags(db, extractTicketTags(parsed.subject), sender);
    via = "subject-tag";
  }

  if (ticket) return finish(await replyToTicket(db, raw, parsed, sender, settings, ticket, via));

  if (parsed.auto.isBounce) {
    return finish({ outcome: "autoreply", reason: "bounce for a message we do not know; kept, no ticket", number: null, tid: null, entryId: null }, true);
  }
  const created = await newTicketFromEmail(db, raw, parsed, sender, settings, null, settings.maxTicketsPerSenderPerHour);
  if ("opened" in created) {
    return finish(
      { outcome: "refused", refusal: "loop-guard", reason: `loop guard: ${sender} opened ${created.opened} tickets in the last hour (limit ${settings.maxTicketsPerSenderPerHour})`, number: null, tid: null, entryId: null },
      true,
    );
  }
  return finish({
    outcome: parsed.auto.isAutoReply ? "autoreply" : "created",
    reason: parsed.auto.isAutoReply ? `new ticket from automatic mail (${parsed.auto.reason ?? parsed.auto.kind}); no auto-response` : "new-ticket",
    number: created.ticket.number,
    tid: created.ticket.id,
    entryId: created.entry.id,
  });
}

function emailFiles(raw: Buffer, parsed: ParsedEmail): FileInput[] {
  const files: FileInput[] = parsed.attachments.map((a) => ({ name: a.filename, contentType: a.contentType, content: a.content, contentId: a.contentId, isInline: a.isInline }));
  if (parsed.parseError) files.push({ name: "original-message.eml", contentType: "message/rfc822", content: raw });
  return files;
}

function droppedFiles(parsed: ParsedEmail) {
  return parsed.droppedAttachments.map(
    (d) => checkFile({ name: d.filename, contentType: d.contentType, size: d.size }, { maxAttachmentBytes: d.limit, blockedExtensions: [] }) ?? {
      name: d.filename,
      contentType: d.contentType,
      size: d.size,
      reason: "too_large" as const,
      message: `"${d.filename}" was not stored`,
    },
  );
}

/** Tickets `sender` opened by email in the last hour; the caller holds the sender's lock. */
async function ticketsOpenedLastHour(tx: Executor, sender: string): Promise<number> {
  const [{ n }] = await tx
    .select({ n: count() })
    .from(tickets)
    .innerJoin(users, eq(users.id, tickets.userId))
    .where(and(sql`lower(${users.email}) = ${sender}`, eq(tickets.source, "email"), gte(tickets.createdAt, new Date(Date.now() - 3_600_000))));
  return n;
}

/**
 * A new ticket from a mail. With `perHourLimit` the loop guard counts and creates under one
 * per-sender transaction lock, so parallel deliveries cannot slip past the limit together.
 */
async function newTicketFromEmail(db: Db, raw: Buffer, parsed: ParsedEmail, sender: string, settings: Settings, continues: TicketRow | null, perHourLimit = 0) {
  const own = helpdeskAddresses(settings.supportAddresses);
  const participants = [...parsed.to, ...parsed.cc].filter((a) => a.address !== sender && !own.has(a.address));
  const body = entryBodyOf(parsed);
  const auto = parsed.auto.isAutoReply;
  return db.transaction(async (tx) => {
    if (perHourLimit > 0) {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`inbound-sender:${sender}`}))`);
      const opened = await ticketsOpenedLastHour(tx, sender);
      if (opened >= perHourLimit) return { opened };
    }
    const created = await createTicket(tx, {
      user: { email: sender, name: parsed.from?.name || null },
      subject: parsed.subject || "(no subject)",
      body,
      source: "email",
      files: emailFiles(raw, parsed),
      droppedEarlier: droppedFiles(parsed),
      collaborators: auto ? [] : participants.map((a) => ({ email: a.address, name: a.name || null })),
      maxCollaborators: settings.maxCollaboratorsPerMail,
      email: emailMeta(parsed),
      finalizeHtml: htmlFinalizer(parsed),
      actor: { actor: "email" },
      autorespond: !auto,
      alert: !auto,
      continuesTicketId: continues?.id ?? null,
    });
    const leftOut = created.collaboratorsLeftOut;
    if (leftOut.length) {
      const shown = leftOut.slice(0, 20).join(", ");
      const text = `${leftOut.length} more ${leftOut.length === 1 ? "address" : "addresses"} in To/Cc ${leftOut.length === 1 ? "was" : "were"} not added as collaborators (at most ${settings.maxCollaboratorsPerMail} from one mail; setting maxCollaboratorsPerMail): ${shown}${leftOut.length > 20 ? `, and ${leftOut.length - 20} more` : ""}.`;
      await appendToTicket(tx, { ticketId: created.ticket.id, type: "note", poster: { name: "System" }, body: { text, html: textToHtml(text) }, actor: { actor: "email" }, settings });
    }
    if (continues) {
      await tx.insert(ticketLinks).values({ parentId: continues.id, childId: created.ticket.id, kind: "link" }).onConflictDoNothing();
      await recordEvent(tx, { entityType: "ticket", entityId: continues.id, ticketId: continues.id, action: "continued_in", actor: "email", data: { ticketId: created.ticket.id, number: created.ticket.number } });
      await appendToTicket(tx, {
        ticketId: created.ticket.id,
        type: "note",
        poster: { name: "System" },
        body: { text: `Continues ticket #${continues.number} (${continues.status}), which a reply cannot reopen.`, html: textToHtml(`Continues ticket #${continues.number} (${continues.status}), which a reply cannot reopen.`) },
        actor: { actor: "email" },
        settings,
      });
    }
    return created;
  });
}

/**
 * Whether the mail answers one we sent to this address (its In-Reply-To or References name an
 * outbound Message-ID whose recipients include the sender): the proof a staff reply by email
 * needs, since only the recipient of our mail knows its Message-ID.
 */
async function answersMailSentTo(db: Db, parsed: ParsedEmail, sender: string): Promise<boolean> {
  const ids = [...new Set([parsed.inReplyTo, ...parsed.references].filter((x): x is string => !!x))].slice(0, 100);
  if (!ids.length) return false;
  const [hit] = await db
    .select({ id: outboundMail.id })
    .from(outboundMail)
    .where(and(inArray(outboundMail.messageId, ids), sql`(${sender} = ANY (SELECT lower(x) FROM unnest(${outboundMail.to} || ${outboundMail.cc}) x))`))
    .limit(1);
  return !!hit;
}

async function replyToTicket(db: Db, raw: Buffer, parsed: ParsedEmail, sender: string, settings: Settings, ticket: TicketRow, via: string): Promise<Omit<InboundResult, "messageId">> {
  const auto = parsed.auto;
  const meta = emailMeta(parsed);
  const files = emailFiles(raw, parsed);
  const dropped = droppedFiles(parsed);
  const ref = { number: ticket.number, tid: ticket.id };

  if (auto.isBounce) {
    const b = auto.bounce ?? {};
    const diag = (b.diagnostic ?? "").replace(/^\d{3}\s+/, "").replace(new RegExp(`^${(b.status ?? "").replace(/\./g, "\\.")}\\s+`), "");
    const summary = `Delivery to ${b.recipient ?? "a recipient"} failed${b.status || diag ? ` (${[b.status, diag].filter(Boolean).join(" ")})` : ""}.`;
    const text = `${summary}\n\n${parsed.text}`.trim();
    const r = await appendToTicket(db, {
      ticketId: ticket.id,
      type: "note",
      poster: { name: parsed.from?.name || "Mail Delivery System", email: sender },
      body: { text, html: textToHtml(text) },
      email: { ...meta, isBounce: true, isAutoReply: true },
      files,
      droppedEarlier: dropped,
      actor: { actor: "email" },
      settings,
    });
    return { outcome: "autoreply", reason: `bounce (${via}); recorded as an internal note`, ...ref, entryId: r.entry.id };
  }

  const [staffRow] = await db
    .select({ id: staff.id, name: staff.name })
    .from(staff)
    .where(and(sql`lower(${staff.email}) = ${sender}`, eq(staff.isActive, true)));
  if (staffRow) {
    // A From header is easy to forge: a staff address alone does not make a staff note. Without
    // proof the mail is still an internal note (never shown to the client), in nobody's name.
    const verified = await answersMailSentTo(db, parsed, sender);
    const r = await appendToTicket(db, {
      ticketId: ticket.id,
      type: "note",
      poster: verified
        ? { staffId: staffRow.id, name: staffRow.name, email: sender }
        : { name: `${parsed.from?.name || sender} (unverified: not a reply to mail the help desk sent them)`, email: sender },
      body: entryBodyOf(parsed),
      email: meta,
      files,
      droppedEarlier: dropped,
      finalizeHtml: htmlFinalizer(parsed),
      actor: verified ? { staffId: staffRow.id, actor: "email" } : { actor: "email" },
      settings,
    });
    const what = verified ? "staff sender: internal note" : "staff address, unverified: internal note without staff attribution";
    return { outcome: auto.isAutoReply ? "autoreply" : "appended", reason: `${via}; ${what}`, ...ref, entryId: r.entry.id };
  }

  const action = auto.isAutoReply ? "none" : replyAction(ticket.status, settings.reopenStatuses);
  if (action === "new-ticket") {
    const created = await newTicketFromEmail(db, raw, parsed, sender, settings, ticket);
    if ("opened" in created) throw new Error("unreachable: no loop guard on linked tickets");
    return { outcome: "created", reason: `${via}; ticket #${ticket.number} is ${ticket.status}: new linked ticket`, number: created.ticket.number, tid: created.ticket.id, entryId: created.entry.id };
  }
  const now = new Date();
  let changes: Record<string, unknown> | undefined;
  if (action === "open") changes = { status: "open" };
  if (action === "reopen") {
    const grace = ticket.slaId != null ? (await loadCatalog(db)).slas.get(ticket.slaId)?.graceHours : undefined;
    changes = { status: "open", reopenedAt: now, closedAt: null, closedById: null, isOverdue: false, ...(grace != null ? { dueAt: new Date(now.getTime() + grace * 3_600_000) } : {}) };
  }

  const r = await db.transaction(async (tx) => {
    const user = await findOrCreateUser(tx, { email: sender, name: parsed.from?.name || null });
    const isOwner = user.id === ticket.userId;
    let becameCollaborator = false;
    if (!isOwner && !auto.isAutoReply) {
      const added = await tx.insert(ticketCollaborators).values({ ticketId: ticket.id, userId: user.id }).onConflictDoNothing().returning();
      becameCollaborator = added.length > 0;
    }
    const entry = await appendToTicket(tx, {
      ticketId: ticket.id,
      type: "message",
      poster: { userId: user.id, name: parsed.from?.name || user.name, email: sender },
      body: entryBodyOf(parsed),
      email: meta,
      files,
      droppedEarlier: dropped,
      finalizeHtml: htmlFinalizer(parsed),
      actor: { userId: user.id, actor: "email" },
      settings,
      ticketChanges: changes,
      previous: changes ? { status: ticket.status } : undefined,
      eventData: becameCollaborator ? { collaboratorAdded: sender } : undefined,
    });
    return entry;
  });
  const what = auto.isAutoReply ? `automatic reply (${auto.reason ?? auto.kind}) stored; no reopen, no alert` : action === "reopen" ? "reopened" : action === "open" ? "client answered" : "appended";
  return { outcome: auto.isAutoReply ? "autoreply" : "appended", reason: `${via}; ${what}`, ...ref, entryId: r.entry.id };
}
