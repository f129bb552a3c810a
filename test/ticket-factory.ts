// Tickets, thread entries and attachments inserted directly, for tests of staff operations
// (the intake pipeline has its own tests).
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db, Executor } from "@/db/client";
import type { EntryType, TicketSource, TicketStatus } from "@/db/enums";
import { attachments, blobs, priorities, threadEntries, tickets } from "@/db/schema";
import { indexEntry, indexTicket } from "@/lib/search";
import { withUniqueNumber } from "@/lib/tickets/number";
import { createUser } from "./factories";

export interface TicketSpec {
  deptId: number;
  userId?: number;
  subject?: string;
  status?: TicketStatus;
  staffId?: number | null;
  teamId?: number | null;
  priorityId?: number;
  slaId?: number | null;
  topicId?: number | null;
  source?: TicketSource;
  createdAt?: Date;
  dueAt?: Date | null;
  /** A first message is added unless false. */
  message?: string | false;
}

let defaultPriority: number | undefined;

export async function createTicket(db: Db, spec: TicketSpec) {
  defaultPriority ??= (await db.select().from(priorities).where(sql`${priorities.isDefault}`))[0]?.id;
  const userId = spec.userId ?? (await createUser(db)).id;
  const createdAt = spec.createdAt ?? new Date();
  const ticket = await withUniqueNumber(db, "random", async (number) => {
    const [row] = await db
      .insert(tickets)
      .values({
        number,
        subject: spec.subject ?? `Ticket ${number}`,
        status: spec.status ?? "open",
        userId,
        deptId: spec.deptId,
        staffId: spec.staffId ?? null,
        teamId: spec.teamId ?? null,
        priorityId: spec.priorityId ?? defaultPriority!,
        slaId: spec.slaId ?? null,
        topicId: spec.topicId ?? null,
        source: spec.source ?? "api",
        dueAt: spec.dueAt ?? null,
        createdAt,
        updatedAt: createdAt,
        lastMessageAt: createdAt,
        closedAt: spec.status && !["open", "awaiting_client"].includes(spec.status) ? createdAt : null,
      })
      .onConflictDoNothing({ target: tickets.number })
      .returning();
    return row ?? null;
  });
  if (spec.message !== false) {
    await addEntry(db, { ticketId: ticket.id, type: "message", userId, text: spec.message ?? "Hello, I need help.", createdAt });
  }
  // As the services do: the search document is written with the ticket.
  await indexTicket(db, ticket.id);
  return ticket;
}

export async function addEntry(
  db: Executor,
  e: { ticketId: number; type: EntryType; text: string; userId?: number; staffId?: number; createdAt?: Date; messageId?: string },
) {
  const [row] = await db
    .insert(threadEntries)
    .values({
      ticketId: e.ticketId,
      type: e.type,
      userId: e.userId ?? null,
      staffId: e.staffId ?? null,
      bodyText: e.text,
      bodyHtml: `<p>${e.text.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</p>`,
      messageId: e.messageId ?? null,
      createdAt: e.createdAt ?? new Date(),
    })
    .returning();
  await indexEntry(db, e.ticketId, e.text);
  return row;
}

export async function addAttachment(
  db: Executor,
  a: { ticketId: number; entryId: number; name: string; bytes: Buffer; contentType?: string; isInline?: boolean; contentId?: string },
) {
  const sha256 = createHash("sha256").update(a.bytes).digest("hex");
  await db.insert(blobs).values({ sha256, size: a.bytes.length, data: a.bytes }).onConflictDoNothing();
  const [row] = await db
    .insert(attachments)
    .values({
      ticketId: a.ticketId,
      entryId: a.entryId,
      blobSha256: sha256,
      name: a.name,
      contentType: a.contentType ?? "application/octet-stream",
      size: a.bytes.length,
      isInline: a.isInline ?? false,
      contentId: a.contentId ?? null,
    })
    .returning();
  return row;
}
