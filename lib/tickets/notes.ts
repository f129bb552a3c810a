// Internal notes written by ticket operations (the comment of a status change, assignment...).
// TODO(intake merge): write through lib/threads once it is on main, so notes get the same
// sanitising, search indexing and notification hooks as every other entry.
import type { Executor } from "@/db/client";
import { threadEntries } from "@/db/schema";
import type { Actor } from "./actor";

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export async function addOperationNote(tx: Executor, actor: Actor, ticketId: number, text: string | undefined, now = new Date()): Promise<void> {
  const body = text?.trim();
  if (!body) return;
  await tx.insert(threadEntries).values({
    ticketId,
    type: "note",
    staffId: actor.id,
    posterName: actor.name,
    posterEmail: actor.email,
    source: "staff",
    bodyText: body,
    bodyHtml: body
      .split(/\n{2,}/)
      .map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`)
      .join(""),
    createdAt: now,
    updatedAt: now,
  });
}
