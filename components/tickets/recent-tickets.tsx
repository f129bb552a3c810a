// The most recent tickets the caller may see (placeholder for the queue view).
import Link from "next/link";
import { Table, Td, Th, Tr } from "@/components/admin/table";
import { Time } from "@/components/ui/time";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/states";
import type { TicketListItem } from "@/lib/tickets";
import { statusLabel, statusTone } from "./labels";

export function RecentTickets({ tickets, zone }: { tickets: TicketListItem[]; zone: string }) {
  if (!tickets.length) return <EmptyState title="No tickets yet">Tickets of your departments, and those assigned or referred to you, show here.</EmptyState>;
  return (
    <Table label="Recent tickets">
      <thead>
        <tr>
          <Th>Number</Th>
          <Th>Subject</Th>
          <Th className="hidden md:table-cell">Requester</Th>
          <Th className="hidden lg:table-cell">Department</Th>
          <Th>Status</Th>
          <Th className="hidden md:table-cell">Assignee</Th>
          <Th>Updated</Th>
        </tr>
      </thead>
      <tbody>
        {tickets.map((t) => (
          <Tr key={t.id}>
            <Td className="font-mono whitespace-nowrap">
              <Link href={`/tickets/${t.id}`} className="text-blue-800 hover:underline">
                #{t.number}
              </Link>
            </Td>
            <Td>
              <Link href={`/tickets/${t.id}`} className="font-medium text-slate-900 hover:underline">
                {t.subject}
              </Link>
              {t.isOverdue && (
                <Badge tone="red" className="ml-2">
                  Overdue
                </Badge>
              )}
            </Td>
            <Td className="hidden md:table-cell">
              <div>{t.user.name}</div>
              <div className="text-xs text-slate-500">{t.user.email}</div>
            </Td>
            <Td className="hidden lg:table-cell">{t.department.name}</Td>
            <Td>
              <Badge tone={statusTone[t.status]}>{statusLabel[t.status] ?? t.status}</Badge>
            </Td>
            <Td className="hidden md:table-cell">{t.assignee?.name ?? <span className="text-slate-400">—</span>}</Td>
            <Td>
              <Time value={t.updatedAt} zone={zone} />
            </Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
