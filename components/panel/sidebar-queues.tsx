"use client";
// The sidebar's queues: built-in ones, then the member's own and shared ones, each with its live
// count (GET /api/staff/queues, refreshed every 30 s while the tab is visible). The queue on
// screen is marked as the current page.
import Link from "@/components/ui/link";
import { usePathname, useSearchParams } from "next/navigation";
import { type QueueWithCount, useQueues } from "@/lib/queues/client";
import { cn } from "@/lib/utils";

function countText(q: QueueWithCount): { text: string; label: string } {
  if (q.count === null) return { text: "?", label: "count unavailable" };
  const n = `${q.count.toLocaleString("en-US")}${q.countExact ? "" : "+"}`;
  return { text: n, label: `${n} ${q.count === 1 && q.countExact ? "ticket" : "tickets"}` };
}

function QueueLink({ q, current }: { q: QueueWithCount; current: boolean }) {
  const { text, label } = countText(q);
  return (
    <Link
      href={`/tickets?queue=${encodeURIComponent(String(q.id))}`}
      aria-current={current ? "page" : undefined}
      data-testid={`queue-link-${q.id}`}
      className={cn("flex items-center justify-between gap-2 rounded px-2 py-1 text-slate-700 hover:bg-slate-100", current && "bg-blue-50 font-medium text-blue-800 hover:bg-blue-50")}
    >
      {/* Long names wrap rather than being cut ("Documentation required"); isolated, so right-to-left
          text (or a stray override character) does not reorder the count beside it. */}
      <span className="min-w-0 [overflow-wrap:anywhere]">
        <bdi>{q.name}</bdi>
        {q.kind === "shared" && <span className="sr-only"> (shared)</span>}
      </span>
      <span aria-label={label} data-testid="queue-count" data-count={q.count ?? ""} className={cn("shrink-0 rounded-full px-1.5 text-xs tabular-nums", current ? "bg-blue-100" : "bg-slate-100 text-slate-600")}>
        {text}
      </span>
    </Link>
  );
}

export function SidebarQueues() {
  const queues = useQueues();
  const pathname = usePathname();
  const search = useSearchParams();
  const currentId = pathname === "/tickets" ? (search.get("queue") ?? "open") : null;
  const items = queues.data ?? [];
  const system = items.filter((q) => q.kind === "system");
  const saved = items.filter((q) => q.kind !== "system");
  const heading = "px-2 pb-0.5 text-xs font-semibold tracking-wide text-slate-500 uppercase";
  return (
    <div className="mt-2" aria-label="Queues" role="group" data-testid="sidebar-queues">
      <div className={heading}>Queues</div>
      {queues.isPending && (
        <p role="status" className="px-2 py-1 text-xs text-slate-500">
          Loading queues…
        </p>
      )}
      {queues.isError && !queues.data && (
        <p role="alert" className="px-2 py-1 text-xs text-red-700">
          Queues unavailable.{" "}
          <button type="button" className="underline" onClick={() => queues.refetch()}>
            Retry
          </button>
        </p>
      )}
      {system.map((q) => (
        <QueueLink key={q.id} q={q} current={currentId === String(q.id)} />
      ))}
      <div className={cn(heading, "mt-2 flex items-center justify-between")}>
        <span>My queues</span>
        <Link href="/tickets/queues/new" className="rounded px-1 text-xs font-medium tracking-normal text-blue-800 normal-case hover:underline" aria-label="New queue">
          + New
        </Link>
      </div>
      {saved.map((q) => (
        <QueueLink key={q.id} q={q} current={currentId === String(q.id)} />
      ))}
      {queues.data && !saved.length && <p className="px-2 py-1 text-xs text-slate-500">Save a search as a queue to see it here.</p>}
    </div>
  );
}
