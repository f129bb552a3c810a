// The inbound log: one row per message the pipeline handled. Refused messages keep their raw
// bytes in the blob store, so nothing that reached us is lost.
import type { Executor } from "@/db/client";
import { inboundMessages } from "@/db/schema";
import { blobStore } from "@/lib/attachments";

export type InboundDoor = "api" | "webhook" | "pipe";
export type InboundOutcome = "created" | "appended" | "duplicate" | "autoreply" | "refused";

export async function logInbound(
  db: Executor,
  row: {
    door: InboundDoor;
    outcome: InboundOutcome;
    reason: string;
    messageId: string | null;
    sender: string | null;
    subject: string | null;
    size: number;
    ticketId?: number | null;
    entryId?: number | null;
    keepRaw?: Buffer | null;
  },
): Promise<void> {
  const rawSha256 = row.keepRaw ? (await blobStore().putMany(db, [row.keepRaw]))[0] : null;
  await db.insert(inboundMessages).values({
    door: row.door,
    outcome: row.outcome,
    reason: row.reason.slice(0, 500),
    messageId: row.messageId,
    sender: row.sender,
    subject: row.subject?.slice(0, 500) ?? null,
    sizeBytes: row.size,
    ticketId: row.ticketId ?? null,
    entryId: row.entryId ?? null,
    rawSha256,
  });
}
