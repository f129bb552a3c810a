// Words and colours for ticket states, thread entries and events. Pure: server and client use it.
import type { BadgeTone } from "@/components/ui/badge";

export const statusLabel: Record<string, string> = {
  open: "Open",
  awaiting_client: "Awaiting client",
  resolved: "Resolved",
  closed: "Closed",
  archived: "Archived",
  deleted: "Deleted",
};

export const statusTone: Record<string, BadgeTone> = {
  open: "blue",
  awaiting_client: "amber",
  resolved: "green",
  closed: "slate",
  archived: "slate",
  deleted: "red",
};

export const entryLabel = { message: "Message", response: "Response", note: "Internal note" } as const;

type EventLike = { action: string; before: unknown; after: unknown; data: unknown };
const obj = (v: unknown) => (v && typeof v === "object" ? (v as Record<string, unknown>) : {});
const status = (v: unknown) => statusLabel[String(v)] ?? String(v);

const FIELD_NAMES: Record<string, string> = { subject: "subject", priorityId: "priority", topicId: "help topic", dueAt: "due date", userId: "requester", docsRequired: "documentation flag" };

/** "closed the ticket (Open → Closed)", "assigned it to Alex Agent", … */
export function describeEvent(e: EventLike): string {
  const before = obj(e.before);
  const after = obj(e.after);
  const data = obj(e.data);
  switch (e.action) {
    case "created":
      return "opened the ticket";
    case "message_added":
      return "posted a message";
    case "response_added":
      return "replied";
    case "note_added":
      return "added an internal note";
    case "status_changed":
      return `changed the status: ${status(before.status)} → ${status(after.status)}`;
    case "reopened":
      return `reopened the ticket (${status(before.status)} → ${status(after.status)})`;
    case "assigned":
      return `assigned it to ${String(data.assignee ?? "someone")}`;
    case "claimed":
      return "claimed the ticket";
    case "released":
      return "released the assignment";
    case "transferred":
      return "transferred it to another department";
    case "referred":
      return `referred it${data.name ? ` to ${String(data.name)}` : ""}`;
    case "referral_removed":
      return "removed a referral";
    case "merged":
      return "merged other tickets into this one";
    case "merged_into":
      return "merged this ticket into another";
    case "linked":
      return "linked tickets";
    case "edited": {
      const fields = Object.keys(after).map((k) => FIELD_NAMES[k] ?? k);
      if (data.collaborators) fields.push("collaborators");
      return `edited ${fields.join(", ") || "the ticket"}`;
    }
    case "mentioned":
      return `mentioned ${Array.isArray(data.names) ? data.names.join(", ") : "someone"} in a note`;
    case "deleted":
      return "deleted the ticket";
    case "restored":
      return "restored the ticket";
    case "task_added":
      return `added the task ${data.title ? `“${String(data.title)}”` : ""}`.trim();
    case "task_linked":
      return `linked the task ${data.title ? `“${String(data.title)}”` : ""}`.trim();
    case "task_unlinked":
      return `unlinked the task ${data.title ? `“${String(data.title)}”` : ""}`.trim();
    default:
      return e.action.replace(/_/g, " ");
  }
}

/** The version poll's terse change names. */
export const changeLabel = (action: string) => describeEvent({ action, before: {}, after: {}, data: {} }).replace(/: .*$/, "");
