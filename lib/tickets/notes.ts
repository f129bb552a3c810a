// Internal notes written by ticket operations (the comment of a status change, assignment...),
// through lib/threads like every other entry. The operation's own update bumps the version.
import type { Executor } from "@/db/client";
import { getSettings } from "@/lib/config/settings";
import { insertEntry, recordEntryEvent, textToHtml } from "@/lib/threads";
import type { Actor } from "./actor";

export async function addOperationNote(tx: Executor, actor: Actor, ticketId: number, text: string | undefined): Promise<void> {
  const body = text?.trim();
  if (!body) return;
  const result = await insertEntry(tx, {
    ticketId,
    type: "note",
    poster: { staffId: actor.id, name: actor.name, email: actor.email },
    body: { text: body, html: textToHtml(body) },
    source: "staff",
    policy: await getSettings(tx),
  });
  await recordEntryEvent(tx, ticketId, result, { staffId: actor.id });
}
