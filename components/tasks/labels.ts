// Words for task states and events. Pure: server and client use it.
import type { BadgeTone } from "@/components/ui/badge";

export const taskStatusTone: Record<string, BadgeTone> = { open: "blue", closed: "slate" };
export const taskStatusLabel: Record<string, string> = { open: "Open", closed: "Closed" };

type EventLike = { action: string; before: unknown; after: unknown; data: unknown };
const obj = (v: unknown) => (v && typeof v === "object" ? (v as Record<string, unknown>) : {});

/** "assigned it to Alex Agent", "closed it (with ticket #123456)", … */
export function describeTaskEvent(e: EventLike, deptName: (id: number) => string | undefined = () => undefined): string {
  const d = obj(e.data);
  const after = obj(e.after);
  switch (e.action) {
    case "created":
      return "created the task";
    case "assigned":
      return typeof d.assignee === "string" ? `assigned it to ${d.assignee}` : "changed the assignee";
    case "unassigned":
      return "unassigned it";
    case "transferred": {
      const to = typeof after.deptId === "number" ? deptName(after.deptId) : undefined;
      return to ? `moved it to ${to}` : "moved it to another department";
    }
    case "closed": {
      const t = obj(d.withTicket);
      return t.number ? `closed it with ticket #${String(t.number)}` : "closed it";
    }
    case "reopened":
      return "reopened it";
    case "edited":
    case "updated":
      return `edited ${Object.keys(after).join(", ").replace("dueAt", "due date").replace("ticketId", "linked ticket") || "it"}`;
    case "note_added":
      return "added a note";
    case "moved": {
      const t = obj(d.ticket);
      return t.number ? `moved it to ticket #${String(t.number)}` : "moved it to another ticket";
    }
    default:
      return e.action.replace(/_/g, " ");
  }
}
