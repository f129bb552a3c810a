"use client";
// /search: every criterion in a form, applied to the address on "Search" (so results can be
// shared), the results in the queue view's table, and "Save as queue".
import { useState } from "react";
import { PageHeader } from "@/components/admin/page-header";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/states";
import type { ListAbilities, ListOptions } from "@/components/tickets/list/list-options";
import { TicketList } from "@/components/tickets/list/ticket-list";
import { useUrlParams } from "@/components/tickets/list/use-url-params";
import type { QueueColumn } from "@/lib/queues/schemas";
import type { CriteriaParams } from "@/lib/search/params";
import { CriteriaForm } from "./criteria-form";
import { SaveQueueButton } from "./save-queue-dialog";

interface Props {
  columns: QueueColumn[];
  zone: string;
  options: ListOptions;
  can: ListAbilities;
}

function SearchForm({ initial, options, onSearch }: { initial: CriteriaParams; options: ListOptions; onSearch: (p: CriteriaParams) => void }) {
  const [draft, setDraft] = useState(initial);
  return (
    <form
      aria-label="Advanced search"
      className="mb-4 rounded border border-slate-200 bg-white p-4"
      onSubmit={(e) => {
        e.preventDefault();
        onSearch(draft);
      }}
    >
      <CriteriaForm value={draft} onChange={setDraft} options={options} idPrefix="search" />
      <div className="mt-4 flex gap-2">
        <Button type="submit" variant="primary">
          Search
        </Button>
        <Button variant="ghost" onClick={() => (setDraft({}), onSearch({}))}>
          Reset
        </Button>
      </div>
    </form>
  );
}

export function SearchView({ columns, zone, options, can }: Props) {
  const { params, set, patch } = useUrlParams();
  const any = Object.keys(params).length > 0;
  return (
    <section>
      <PageHeader title="Advanced search" description="Find tickets by any criterion; save the search as a queue to keep it in the sidebar." actions={any && <SaveQueueButton criteria={params} />} />
      <SearchForm key={JSON.stringify(params)} initial={params} options={options} onSearch={(p) => set(p, {})} />
      {any ? (
        <TicketList
          source={{ kind: "search" }}
          params={params}
          label="Search results"
          columns={columns}
          columnsChosen={false}
          onSort={(key, order) => patch({ sort: `${key}:${order}`, order: undefined })}
          zone={zone}
          options={options}
          can={can}
        />
      ) : (
        <EmptyState title="Search tickets">Type words or a ticket number, or choose filters, then press Search.</EmptyState>
      )}
    </section>
  );
}
