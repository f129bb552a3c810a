// The recent tickets of a user or an organization: only those the viewer may see, and a total
// counted the same way (lib/orgs recentTicketsOf), so other departments' tickets never show.
import Link from "@/components/ui/link";
import { Table, Td, Th, Tr } from "@/components/admin/table";
import { statusLabel, statusTone } from "@/components/tickets/labels";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/states";
import { Time } from "@/components/ui/time";

export interface ClientTicket {
  id: number;
  number: string;
  subject: string;
  status: string;
  department: { id: number; name: string };
  user: { id: number; name: string; email: string };
  isOverdue: boolean;
  updatedAt: Date | string;
}

export function ClientTickets({ tickets, total, zone, showRequester = false, label = "Tickets" }: { tickets: ClientTicket[]; total: number; zone: string; showRequester?: boolean; label?: string }) {
  return (
    <section aria-labelledby="client-tickets-heading" className="space-y-2">
      <h2 id="client-tickets-heading" className="font-semibold text-slate-900">
        {label} <span className="font-normal text-slate-500">({total})</span>
      </h2>
      {tickets.length === 0 ? (
        <EmptyState title="No tickets you can see">Tickets of your departments, and those assigned or referred to you, show here.</EmptyState>
      ) : (
        <>
          <Table label={label}>
            <thead>
              <tr>
                <Th>Number</Th>
                <Th>Subject</Th>
                {showRequester && <Th className="hidden md:table-cell">Requester</Th>}
                <Th className="hidden md:table-cell">Department</Th>
                <Th>Status</Th>
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
                  {showRequester && (
                    <Td className="hidden md:table-cell">
                      <Link href={`/users/${t.user.id}`} className="hover:underline">
                        {t.user.name}
                      </Link>
                    </Td>
                  )}
                  <Td className="hidden md:table-cell">{t.department.name}</Td>
                  <Td>
                    <Badge tone={statusTone[t.status]}>{statusLabel[t.status] ?? t.status}</Badge>
                  </Td>
                  <Td>
                    <Time value={t.updatedAt} zone={zone} />
                  </Td>
                </Tr>
              ))}
            </tbody>
          </Table>
          {total > tickets.length && (
            <p className="text-xs text-slate-500">
              The {tickets.length} most recently updated of {total}.
            </p>
          )}
        </>
      )}
    </section>
  );
}
