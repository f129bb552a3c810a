// Appends an inbound mail to a ticket in one transaction: entry, attachments, ticket status and
// activity, event.
import type { Executor } from "@/db/client";
import type { EntryType } from "@/db/enums";
import type { DroppedFile, FileInput } from "@/lib/attachments";
import type { Settings } from "@/lib/config/settings-schema";
import {
  type Actor,
  type EntryBody,
  type EntryEmailMeta,
  type HtmlFinalizer,
  type InsertEntryResult,
  type Poster,
  insertEntry,
  recordEntryEvent,
  touchTicket,
} from "@/lib/threads";

export interface AppendParams {
  ticketId: number;
  type: EntryType;
  poster: Poster;
  body: EntryBody;
  email?: EntryEmailMeta;
  files?: FileInput[];
  droppedEarlier?: DroppedFile[];
  finalizeHtml?: HtmlFinalizer;
  actor: Actor;
  settings: Settings;
  ticketChanges?: Record<string, unknown>;
  previous?: Record<string, unknown>;
  eventData?: Record<string, unknown>;
}

export async function appendToTicket(db: Executor, p: AppendParams): Promise<InsertEntryResult> {
  return db.transaction(async (tx) => {
    const result = await insertEntry(tx, {
      ticketId: p.ticketId,
      type: p.type,
      poster: p.poster,
      body: p.body,
      source: "email",
      email: p.email,
      files: p.files,
      droppedEarlier: p.droppedEarlier,
      finalizeHtml: p.finalizeHtml,
      policy: p.settings,
    });
    // Automatic mail and notes touch the ticket without making it "unanswered".
    const kind = p.type === "message" && !p.email?.isAutoReply ? "message" : "note";
    await touchTicket(tx, p.ticketId, { type: kind, extra: p.ticketChanges });
    await recordEntryEvent(tx, p.ticketId, result, p.actor, {
      ...(p.ticketChanges ? { before: p.previous ?? null, after: p.ticketChanges } : {}),
      ...(p.eventData ? { data: { entryId: result.entry.id, ...p.eventData } } : {}),
    });
    return result;
  });
}
