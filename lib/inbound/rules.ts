// Small pure rules of the pipeline: banned senders, reopen decisions.
import type { TicketStatus } from "@/db/enums";

/** Ban-list entries are addresses ("a@b.example") or domains ("@b.example" or "b.example"). */
export function isBanned(address: string, banList: readonly string[]): boolean {
  const a = address.toLowerCase();
  const domain = a.split("@")[1] ?? "";
  return banList.some((raw) => {
    const entry = raw.trim().toLowerCase();
    if (!entry) return false;
    if (entry.includes("@") && !entry.startsWith("@")) return entry === a;
    const d = entry.replace(/^@/, "");
    return domain === d || domain.endsWith(`.${d}`);
  });
}

export type ReplyAction = "none" | "open" | "reopen" | "new-ticket";

/**
 * What a user's (non-automatic) reply does to the ticket's status: awaiting the client → open
 * (they answered); a status listed in settings.reopenStatuses → reopened; any other closed status
 * (archived, deleted) → a new ticket that links to the old one.
 */
export function replyAction(status: TicketStatus, reopenStatuses: readonly TicketStatus[]): ReplyAction {
  if (status === "open") return "none";
  if (status === "awaiting_client") return "open";
  return reopenStatuses.includes(status) ? "reopen" : "new-ticket";
}
