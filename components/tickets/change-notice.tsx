"use client";
// "Someone else changed this ticket": from the version poll (every 20 s) while the page is open,
// and from a 409 when a change was refused because the ticket had moved on. Drafts are kept.
import { Button } from "@/components/ui/button";
import { useTicketVersion } from "@/lib/tickets/client";
import { changeLabel } from "./labels";
import { useTicket } from "./ticket-context";

function summarize(changes: { action: string; by: string }[]): string {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const c of changes) {
    const text = `${c.by} ${changeLabel(c.action)}`;
    if (!seen.has(text)) parts.push(text);
    seen.add(text);
  }
  return parts.join(" · ");
}

export function ChangeNotice() {
  const { ticket, conflict, reload } = useTicket();
  const { data } = useTicketVersion(ticket.id, ticket.renderedAt);
  const moved = data && data.version > ticket.version && data.changes.length > 0;
  if (!conflict && !moved) return null;
  const who = data?.changes.length ? summarize(data.changes) : "";
  return (
    <div
      role="alert"
      data-testid="change-notice"
      className={conflict ? "flex flex-wrap items-center gap-3 rounded border border-red-300 bg-red-50 px-3 py-2 text-red-900" : "flex flex-wrap items-center gap-3 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950"}
    >
      <div className="min-w-0 flex-1">
        {conflict ? <p className="font-medium">Not saved: {conflict}</p> : <p className="font-medium">This ticket was changed since you opened it.</p>}
        {who && <p className="text-sm">Since you opened it: {who}.</p>}
        <p className="text-xs">Reload to see the current ticket; what you are writing is kept.</p>
      </div>
      <Button size="sm" variant="secondary" onClick={reload}>
        Reload ticket
      </Button>
    </div>
  );
}
