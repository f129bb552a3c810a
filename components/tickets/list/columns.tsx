// The columns a ticket list can show: heading, the sort key behind it (none: not sortable), the
// cell, and from which width it shows (tablets keep number, subject, status, priority, updated;
// the default columns fit 1280 px, organization and department join from 1536 px).
// Text people typed (subjects, names) is isolated (bdi, dir=auto) so a right-to-left name does not
// reorder the cells around it.
import Link from "@/components/ui/link";
import type { ReactNode } from "react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Time } from "@/components/ui/time";
import type { QueueColumn } from "@/lib/queues/schemas";
import type { TicketRow } from "@/lib/search/client";
import type { SortKey } from "@/lib/search/params";
import { statusLabel, statusTone } from "../labels";

export interface ColumnDef {
  label: string;
  sort?: SortKey;
  /** Tailwind display classes: hidden below a breakpoint. */
  show?: string;
  cell: (t: TicketRow, zone: string) => ReactNode;
}

const dash = <span className="text-slate-400">—</span>;
const XXL = "hidden 2xl:table-cell";
const XL = "hidden xl:table-cell";
const LG = "hidden lg:table-cell";
const MD = "hidden md:table-cell";

const urgencyTone: Record<string, BadgeTone> = { critical: "red", high: "amber", medium: "blue", low: "slate" };

export function Markers({ t }: { t: TicketRow }) {
  return (
    <>
      {t.isOverdue && (
        <Badge tone="red" className="ml-2" title="Past its due date">
          Overdue
        </Badge>
      )}
      {t.escalatedAt && (
        <Badge tone="purple" className="ml-2" title="Escalated">
          Escalated
        </Badge>
      )}
      {t.docsRequired && !t.docsAcknowledgedAt && (
        <Badge tone="amber" className="ml-2" title="Documentation required, not yet acknowledged">
          Docs
        </Badge>
      )}
    </>
  );
}

export const columnDefs: Record<QueueColumn, ColumnDef> = {
  number: {
    label: "Number",
    sort: "number",
    cell: (t) => (
      <Link href={`/tickets/${t.id}`} className="font-mono whitespace-nowrap text-blue-800 hover:underline" tabIndex={-1}>
        #{t.number}
      </Link>
    ),
  },
  subject: {
    label: "Subject",
    sort: "subject",
    cell: (t) => (
      <div className="min-w-48">
        <Link href={`/tickets/${t.id}`} data-row-link dir="auto" className="font-medium text-slate-900 hover:underline">
          {t.subject}
        </Link>
        <Markers t={t} />
        <bdi className="block text-xs text-slate-500 lg:hidden">{t.user.name}</bdi>
      </div>
    ),
  },
  from: {
    label: "Requester",
    sort: "user",
    show: LG,
    cell: (t) => (
      <div className="max-w-44">
        <bdi className="block truncate">{t.user.name}</bdi>
        <div className="truncate text-xs text-slate-500">{t.user.email}</div>
      </div>
    ),
  },
  organization: { label: "Organization", sort: "org", show: XXL, cell: (t) => (t.organization ? <bdi>{t.organization.name}</bdi> : dash) },
  priority: {
    label: "Priority",
    sort: "priority",
    show: MD,
    cell: (t) => (
      <span className="inline-flex items-center gap-1.5 whitespace-nowrap">
        <span aria-hidden className="size-2 rounded-full" style={{ backgroundColor: t.priority.color ?? "#64748b" }} />
        {t.priority.name}
      </span>
    ),
  },
  urgency: {
    label: "Urgency",
    sort: "urgency",
    cell: (t) =>
      t.aiUrgencyLevel ? (
        <Badge tone={urgencyTone[t.aiUrgencyLevel] ?? "slate"} title={`AI urgency ${t.aiUrgency ?? "?"}%`}>
          {t.aiUrgencyLevel.toUpperCase()} {t.aiUrgency ?? ""}
        </Badge>
      ) : (
        dash
      ),
  },
  department: { label: "Department", sort: "dept", show: XXL, cell: (t) => t.department.name },
  topic: { label: "Help topic", show: XL, cell: (t) => t.topic?.name ?? dash },
  status: { label: "Status", sort: "status", cell: (t) => <Badge tone={statusTone[t.status]}>{statusLabel[t.status] ?? t.status}</Badge> },
  assignee: {
    label: "Assignee",
    sort: "assignee",
    show: MD,
    cell: (t) => t.assignee.staff?.name ?? (t.assignee.team ? `${t.assignee.team.name} (team)` : <span className="text-slate-500">Unassigned</span>),
  },
  source: { label: "Source", show: XL, cell: (t) => <span className="capitalize">{t.source}</span> },
  created: { label: "Created", sort: "created", show: XL, cell: (t, zone) => <Time value={t.createdAt} zone={zone} /> },
  updated: { label: "Updated", sort: "updated", cell: (t, zone) => <Time value={t.updatedAt} zone={zone} /> },
  due: {
    label: "Due",
    sort: "due",
    show: LG,
    cell: (t, zone) => <span className={t.isOverdue ? "font-medium text-red-700" : undefined}>{<Time value={t.dueAt} zone={zone} />}</span>,
  },
  lastMessage: { label: "Last message", sort: "lastMessage", show: XL, cell: (t, zone) => <Time value={t.lastMessageAt} zone={zone} /> },
  lastResponse: { label: "Last response", sort: "lastResponse", show: XL, cell: (t, zone) => <Time value={t.lastResponseAt} zone={zone} /> },
  overdue: { label: "Overdue", show: XL, cell: (t) => (t.isOverdue ? "Yes" : dash) },
  answered: { label: "Answered", show: XL, cell: (t) => (t.isAnswered ? "Yes" : dash) },
};

/** The columns to show: the queue's, plus AI urgency when a ticket on the page has one and the queue did not choose its columns. */
export function visibleColumns(columns: readonly QueueColumn[], rows: readonly TicketRow[], chosen: boolean): QueueColumn[] {
  if (chosen || columns.includes("urgency") || !rows.some((r) => r.aiUrgencyLevel)) return [...columns];
  const at = columns.indexOf("priority");
  const out = [...columns];
  out.splice(at < 0 ? out.length : at + 1, 0, "urgency");
  return out;
}
