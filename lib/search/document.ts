// Keeping ticket_search current. Every write that changes indexed text calls one of these on
// its own transaction, so a search right after the commit finds the change (and a rolled back
// write leaves no trace): ticket creation, new thread entries, subject or requester edits,
// merges, and renames of users or organizations.
import { type SQL, asc, eq, gt, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { rows } from "@/db/rows";
import { organizations, threadEntries, tickets, users } from "@/db/schema";
import { prepareText } from "./text";

/** One configuration on both PostgreSQL and PGlite: no stemming, no stop words, any language. */
export const TS_CONFIG = sql.raw("'simple'");

const ENTRY_MAX = 20_000;
const BODY_MAX = 300_000;
/** Appends stop once a document is this large (bytes); the tsvector limit is 1 MB. */
const DOC_APPEND_LIMIT = 600_000;

export interface SearchTexts {
  /** Number and subject. */
  a: string;
  /** Requester name and email, organization. */
  b: string;
  /** AI summary. */
  c: string;
  /** Thread bodies. */
  d: string;
}

const vec = (text: string, weight: "A" | "B" | "C" | "D") => sql`setweight(to_tsvector(${TS_CONFIG}, ${text}), ${sql.raw(`'${weight}'`)})`;

/** The tsvector expression for a whole document (texts already prepared). */
export function documentSql(t: SearchTexts): SQL {
  return sql`${vec(t.a, "A")} || ${vec(t.b, "B")} || ${vec(t.c, "C")} || ${vec(t.d, "D")}`;
}

export const subjectText = (number: string, subject: string) => prepareText(`${number} ${subject}`);
export const requesterText = (name: string, email: string, org: string | null | undefined) => prepareText(`${name} ${email} ${org ?? ""}`);

/** The searchable part of an entry: its own text, without the quoted history below it. */
export function entryText(body: string, quoteStart?: number | null): string {
  const own = quoteStart != null && quoteStart > 0 ? body.slice(0, quoteStart) : body;
  return prepareText(own, ENTRY_MAX);
}

/** Reads a ticket's texts from the database. */
export async function loadSearchTexts(db: Executor, ticketId: number): Promise<SearchTexts | null> {
  const [t] = await db
    .select({ number: tickets.number, subject: tickets.subject, summary: tickets.aiSummary, name: users.name, email: users.email, org: organizations.name })
    .from(tickets)
    .innerJoin(users, eq(users.id, tickets.userId))
    .leftJoin(organizations, eq(organizations.id, tickets.orgId))
    .where(eq(tickets.id, ticketId));
  if (!t) return null;
  const entries = await db
    .select({ text: threadEntries.bodyText, quoteStart: threadEntries.quoteStartText })
    .from(threadEntries)
    .where(eq(threadEntries.ticketId, ticketId))
    .orderBy(asc(threadEntries.id));
  let d = "";
  for (const e of entries) {
    if (d.length >= BODY_MAX) break;
    d += `${entryText(e.text, e.quoteStart)}\n`;
  }
  return { a: subjectText(t.number, t.subject), b: requesterText(t.name, t.email, t.org), c: prepareText(t.summary), d: d.slice(0, BODY_MAX) };
}

/** Rebuilds the documents of these tickets from what the database holds now. */
export async function indexTickets(db: Executor, ticketIds: number[]): Promise<void> {
  for (const id of [...new Set(ticketIds)]) {
    const texts = await loadSearchTexts(db, id);
    if (!texts) continue;
    const doc = documentSql(texts);
    await db.execute(sql`INSERT INTO ticket_search (ticket_id, doc, indexed_at) VALUES (${id}, ${doc}, now())
      ON CONFLICT (ticket_id) DO UPDATE SET doc = EXCLUDED.doc, indexed_at = now()`);
  }
}

export const indexTicket = (db: Executor, ticketId: number) => indexTickets(db, [ticketId]);

/** A new thread entry: its text is appended to the document (no rebuild). */
export async function indexEntry(db: Executor, ticketId: number, body: string, quoteStart?: number | null): Promise<void> {
  const text = entryText(body, quoteStart);
  if (!text.trim()) return;
  await db.execute(sql`UPDATE ticket_search SET doc = doc || ${vec(text, "D")}, indexed_at = now()
    WHERE ticket_id = ${ticketId} AND pg_column_size(doc) < ${DOC_APPEND_LIMIT}`);
}

/** Replaces the lexemes of one weight (the others keep their positions). */
function replaceWeight(db: Executor, where: SQL, weight: "A" | "B" | "C", text: string) {
  const keep = sql.raw(`'{${["a", "b", "c", "d"].filter((w) => w !== weight.toLowerCase()).join(",")}}'`);
  return db.execute(sql`UPDATE ticket_search SET doc = ts_filter(doc, ${keep}::"char"[]) || ${vec(text, weight)}, indexed_at = now() WHERE ${where}`);
}

/** The subject changed. */
export async function indexSubject(db: Executor, ticketId: number, number: string, subject: string): Promise<void> {
  await replaceWeight(db, sql`ticket_id = ${ticketId}`, "A", subjectText(number, subject));
}

/** The AI summary changed (triage). */
export async function indexSummary(db: Executor, ticketId: number, summary: string | null): Promise<void> {
  await replaceWeight(db, sql`ticket_id = ${ticketId}`, "C", prepareText(summary));
}

/**
 * A user's name or email, or an organization's name, changed: the requester part of every
 * ticket concerned is rewritten (one statement per user and organization pair).
 */
export async function indexRequesters(db: Executor, by: { userId: number } | { orgId: number }): Promise<void> {
  const cond = "userId" in by ? eq(tickets.userId, by.userId) : eq(tickets.orgId, by.orgId);
  const pairs = await db
    .selectDistinct({ userId: tickets.userId, orgId: tickets.orgId, name: users.name, email: users.email, org: organizations.name })
    .from(tickets)
    .innerJoin(users, eq(users.id, tickets.userId))
    .leftJoin(organizations, eq(organizations.id, tickets.orgId))
    .where(cond);
  for (const p of pairs) {
    const where = sql`ticket_id IN (SELECT id FROM tickets WHERE user_id = ${p.userId} AND org_id IS NOT DISTINCT FROM ${p.orgId})`;
    await replaceWeight(db, where, "B", requesterText(p.name, p.email, p.org));
  }
}

/** Tickets without a document (created by a path that bypassed the services), for repair jobs. */
export async function ticketsWithoutDocument(db: Executor, limit: number): Promise<number[]> {
  const found = await rows<{ id: number }>(db, sql`SELECT t.id FROM tickets t WHERE NOT EXISTS (SELECT 1 FROM ticket_search s WHERE s.ticket_id = t.id) ORDER BY t.id LIMIT ${limit}`);
  return found.map((r) => r.id);
}

/** Every document rebuilt in batches (after an upgrade, or to re-split CJK text); returns the count. */
export async function reindexAll(db: Executor, batch = 500, onProgress?: (done: number) => void): Promise<number> {
  let after = 0;
  let done = 0;
  for (;;) {
    const ids = (await db.select({ id: tickets.id }).from(tickets).where(gt(tickets.id, after)).orderBy(asc(tickets.id)).limit(batch)).map((r) => r.id);
    if (!ids.length) return done;
    await indexTickets(db, ids);
    done += ids.length;
    after = ids[ids.length - 1];
    onProgress?.(done);
  }
}
