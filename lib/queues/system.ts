// The built-in queues: stable slugs, criteria in the search schema, and their columns.
import { type Criteria, criteriaSchema } from "@/lib/search/criteria";
import { type QueueColumn, type SystemQueueSlug, defaultColumns } from "./schemas";

export interface SystemQueue {
  slug: SystemQueueSlug;
  name: string;
  criteria: Criteria;
  columns: QueueColumn[];
}

const q = (slug: SystemQueueSlug, name: string, criteria: Record<string, unknown>, columns: QueueColumn[] = defaultColumns): SystemQueue => ({
  slug,
  name,
  criteria: criteriaSchema.parse(criteria),
  columns,
});

export const systemQueues: SystemQueue[] = [
  q("open", "Open", { status: ["any_open"] }),
  // AI urgency first (tickets without one last), then the latest activity, then priority.
  q("mine", "My tickets", { status: ["any_open"], assignee: ["me"], sort: "urgency,updated,priority" }, ["number", "subject", "from", "urgency", "priority", "status", "updated"]),
  q("team", "My teams", { status: ["any_open"], assignee: ["myteams"] }),
  q("unassigned", "Unassigned", { status: ["any_open"], assignee: ["none"] }),
  q("overdue", "Overdue", { status: ["any_open"], overdue: true, sort: "due" }, ["number", "subject", "from", "priority", "assignee", "due"]),
  q("answered", "Answered", { status: ["any_open"], answered: true }),
  q("closed", "Closed", { status: ["any_closed"] }, ["number", "subject", "from", "department", "assignee", "status", "updated"]),
  q("escalated", "Escalated", { status: ["any_open"], escalated: true }),
  q("docs-required", "Documentation required", { status: ["open", "awaiting_client", "resolved"], docsRequired: true, docsAcknowledged: false }),
];

export const systemQueue = (slug: string) => systemQueues.find((s) => s.slug === slug);
