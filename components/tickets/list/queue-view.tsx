"use client";
// /tickets?queue=<id>: the queue's tickets, refined by the filters in the address.
import Link from "@/components/ui/link";
import { PageHeader } from "@/components/admin/page-header";
import { Badge } from "@/components/ui/badge";
import type { QueueInfo } from "@/lib/queues/client";
import type { QueueColumn } from "@/lib/queues/schemas";
import { FilterBar } from "./filter-bar";
import type { ListAbilities, ListOptions } from "./list-options";
import { TicketList } from "./ticket-list";
import { useUrlParams } from "./use-url-params";

interface Props {
  queue: QueueInfo;
  defaultColumns: QueueColumn[];
  zone: string;
  options: ListOptions;
  can: ListAbilities & { create: boolean };
}

const kindLabel = { system: "Built-in", personal: "Personal", shared: "Shared" } as const;

export function QueueView({ queue, defaultColumns, zone, options, can }: Props) {
  const { params, set, patch } = useUrlParams();
  const id = String(queue.id);
  const chosen = queue.columns.join() !== defaultColumns.join();
  return (
    <section>
      <PageHeader
        title={queue.name}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            <Badge tone={queue.kind === "system" ? "slate" : queue.kind === "shared" ? "purple" : "blue"}>{kindLabel[queue.kind]}</Badge>
            {queue.owner && queue.kind === "shared" && <span className="text-sm">by {queue.owner.name}</span>}
          </span>
        }
        actions={
          <>
            {queue.canEdit ? (
              <Link href={`/tickets/queues/${id}/edit`} className="inline-flex h-8 items-center rounded border border-slate-300 bg-white px-3 font-medium hover:bg-slate-50">
                Edit queue
              </Link>
            ) : (
              queue.kind === "system" && (
                <Link href={`/tickets/queues/new?from=${id}`} className="inline-flex h-8 items-center rounded border border-slate-300 bg-white px-3 font-medium hover:bg-slate-50" title="Built-in queues cannot be changed; save a copy as your own">
                  Copy as my queue
                </Link>
              )
            )}
            {can.create && (
              <Link href="/tickets/new" className="inline-flex h-8 items-center rounded bg-blue-700 px-3 font-medium text-white hover:bg-blue-800">
                New ticket
              </Link>
            )}
          </>
        }
      />
      <FilterBar key={params.q ?? ""} params={params} base={queue.criteria as Record<string, unknown>} options={options} onChange={patch} onClear={() => set({})} />
      <TicketList
        source={{ kind: "queue", id }}
        params={params}
        label={`${queue.name} tickets`}
        columns={queue.columns}
        columnsChosen={chosen}
        onSort={(key, order) => patch({ sort: `${key}:${order}`, order: undefined })}
        zone={zone}
        options={options}
        can={can}
        baseSort={{ sort: queue.criteria.sort, order: queue.criteria.order }}
      />
    </section>
  );
}
