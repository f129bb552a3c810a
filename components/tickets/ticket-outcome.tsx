"use client";
// The result of the last action on the ticket, announced to screen readers.
import { cn } from "@/lib/utils";
import { useTicket } from "./ticket-context";

export function TicketOutcome() {
  const { outcome, clearOutcome } = useTicket();
  return (
    <div aria-live="polite" role="status">
      {outcome && (
        <div
          data-testid="flash"
          className={cn("flex items-center justify-between gap-3 rounded border px-3 py-1.5", outcome.tone === "ok" ? "border-green-200 bg-green-50 text-green-900" : "border-red-200 bg-red-50 text-red-900")}
        >
          <span>{outcome.text}</span>
          <button type="button" onClick={clearOutcome} className="rounded px-1 text-xs hover:underline">
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}
