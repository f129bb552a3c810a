// The thread in time order; tickets merged "separately" follow as their own labelled groups.
import { EmptyState } from "@/components/ui/states";
import type { TicketDetail } from "@/lib/tickets";
import { ThreadEntry } from "./thread-entry";

export function TicketThread({ ticket, zone }: { ticket: TicketDetail; zone: string }) {
  if (!ticket.thread.length) return <EmptyState title="No messages yet">The thread of this ticket is empty.</EmptyState>;
  return (
    <ol aria-label="Thread" className="space-y-3">
      {ticket.thread.map((e, i) => {
        const prev = ticket.thread[i - 1];
        const heading = e.group && e.group.id !== prev?.group?.id ? e.group : null;
        return (
          <li key={e.id}>
            {heading && (
              <h3 className="mb-2 mt-4 border-t border-purple-200 pt-2 text-xs font-semibold tracking-wide text-purple-800 uppercase">
                Thread of merged ticket #{heading.number}
              </h3>
            )}
            <ThreadEntry entry={e} zone={zone} />
          </li>
        );
      })}
    </ol>
  );
}
