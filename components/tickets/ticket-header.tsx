// The ticket's title block: number, subject, state badges and the facts staff scan first.
import Link from "@/components/ui/link";
import type { ReactNode } from "react";
import { Time } from "@/components/ui/time";
import { Badge } from "@/components/ui/badge";
import type { TicketDetail } from "@/lib/tickets";
import { statusLabel, statusTone } from "./labels";

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="truncate text-slate-900">{children}</dd>
    </div>
  );
}

const none = <span className="text-slate-400">—</span>;

export function TicketHeader({ ticket: t, zone }: { ticket: TicketDetail; zone: string }) {
  const assignee = [t.assignee.staff?.name, t.assignee.team?.name].filter(Boolean).join(" · ");
  return (
    <header className="space-y-2">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <Link href="/tickets" className="text-blue-800 hover:underline">
          Tickets
        </Link>
        <span aria-hidden className="text-slate-400">
          /
        </span>
        <span className="font-mono font-semibold text-slate-700" data-testid="ticket-number">
          #{t.number}
        </span>
        <Badge tone={statusTone[t.status]}>
          <span data-testid="ticket-status">{statusLabel[t.status] ?? t.status}</span>
        </Badge>
        <Badge className="gap-1">
          {t.priority.color && <span aria-hidden className="size-2 rounded-full" style={{ backgroundColor: t.priority.color }} />}
          {t.priority.name}
        </Badge>
        {t.isOverdue && <Badge tone="red">Overdue</Badge>}
        {t.isAnswered && <Badge tone="green">Answered</Badge>}
        {t.budget.isLocked && <Badge tone="red">Budget locked</Badge>}
        {t.docs.required && <Badge tone={t.docs.acknowledgedAt ? "green" : "amber"}>{t.docs.acknowledgedAt ? "Docs acknowledged" : "Docs required"}</Badge>}
      </div>
      <h1 dir="auto" className="text-lg leading-snug font-semibold text-slate-900">{t.subject}</h1>
      {t.mergedInto && (
        <p className="rounded border border-purple-200 bg-purple-50 px-3 py-1.5 text-purple-900">
          Merged into{" "}
          <Link href={`/tickets/${t.mergedInto.id}`} className="font-medium underline">
            #{t.mergedInto.number}
          </Link>
          ; replies go there.
        </p>
      )}
      <dl className="grid grid-cols-2 gap-x-4 gap-y-1.5 rounded border border-slate-200 bg-white px-3 py-2 md:grid-cols-4 xl:grid-cols-5">
        <Fact label="Requester">
          <Link href={`/users/${t.user.id}`} className="text-blue-800 hover:underline" title={t.user.email}>
            <bdi>{t.user.name}</bdi>
          </Link>
        </Fact>
        <Fact label="Organization">
          {t.organization ? (
            <Link href={`/orgs/${t.organization.id}`} className="text-blue-800 hover:underline">
              <bdi>{t.organization.name}</bdi>
            </Link>
          ) : (
            none
          )}
        </Fact>
        <Fact label="Department">{t.department.name}</Fact>
        <Fact label="Help topic">{t.topic?.name ?? none}</Fact>
        <Fact label="Assignee">{assignee ? <span data-testid="ticket-assignee">{assignee}</span> : <span data-testid="ticket-assignee" className="text-slate-400">Unassigned</span>}</Fact>
        <Fact label="SLA plan">{t.sla ? `${t.sla.name} (${t.sla.graceHours} h)` : none}</Fact>
        <Fact label="Due">
          <Time value={t.dueAt} zone={zone} />
        </Fact>
        <Fact label="Created">
          <Time value={t.createdAt} zone={zone} />
        </Fact>
        <Fact label="Last update">
          <Time value={t.updatedAt} zone={zone} />
        </Fact>
        <Fact label="Source">{t.source}</Fact>
      </dl>
    </header>
  );
}
