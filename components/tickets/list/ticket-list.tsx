"use client";
// A page of tickets from a queue or a search: the table, selection and mass actions, cursor
// paging, CSV export of the same criteria, and the keyboard (j/k, Enter, x). Mount it with a
// key of its criteria so paging and selection start over when they change.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useCallback, useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { ApiError } from "@/lib/http/client";
import { fetchQueuePage, queueKeys } from "@/lib/queues/client";
import type { QueueColumn } from "@/lib/queues/schemas";
import { LIST_PAGE_SIZE, type TicketPage, type TicketRow, fetchSearchPage, searchKeys } from "@/lib/search/client";
import { type CriteriaParams, type SortKey, currentSort, defaultOrder, toQueryString } from "@/lib/search/params";
import type { MassActionResult } from "@/lib/tickets/client";
import { visibleColumns } from "./columns";
import type { ListAbilities, ListOptions, ListSource } from "./list-options";
import { MassActions, MassResults, type Selected } from "./mass-actions";
import { Pager, formatTotal } from "./pager";
import { TicketTable } from "./ticket-table";
import { useListKeys } from "./use-list-keys";

interface Props {
  source: ListSource;
  params: CriteriaParams;
  label: string;
  columns: QueueColumn[];
  /** Whether `columns` were chosen for this list (otherwise AI urgency is added when present). */
  columnsChosen: boolean;
  onSort: (key: SortKey, order: "asc" | "desc") => void;
  zone: string;
  options: ListOptions;
  can: ListAbilities;
  /** The queue's own sort, shown as current while the URL names none. */
  baseSort?: { sort?: string; order?: string };
}

function errorText(e: unknown): { title: string; message: string } {
  if (e instanceof ApiError && e.status < 500) {
    const fields = Object.entries(e.errors).map(([k, v]) => `${k}: ${v}`);
    return { title: e.status === 404 ? "Not found" : "These filters are not valid", message: [e.message, ...fields].join(" · ") };
  }
  return { title: "The tickets could not be loaded", message: "Something went wrong on our side. Try again in a moment." };
}

export function TicketList({ source, params, label, columns, columnsChosen, onSort, zone, options, can, baseSort }: Props) {
  const router = useRouter();
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const [selected, setSelected] = useState<Map<number, Selected>>(new Map());
  // The numbers are kept with the result: the tickets may have left the list by then.
  const [result, setResult] = useState<{ result: MassActionResult; numbers: Map<number, string> } | null>(null);
  const [active, setActive] = useState(-1);
  const tableRef = useRef<HTMLDivElement>(null);
  const criteriaKey = JSON.stringify([source, params]);
  const [shownKey, setShownKey] = useState(criteriaKey);
  const changed = shownKey !== criteriaKey;
  if (changed) {
    setShownKey(criteriaKey);
    setCursors([null]);
    setSelected(new Map());
    setActive(-1);
  }
  const cursor = changed ? null : cursors[cursors.length - 1];
  const query = useQuery({
    queryKey: source.kind === "queue" ? queueKeys.tickets(source.id, params, cursor) : searchKeys.page(params, cursor),
    queryFn: (): Promise<TicketPage> => (source.kind === "queue" ? fetchQueuePage(source.id, params, cursor) : fetchSearchPage(params, cursor)),
    // The page on screen stays (dimmed) while the next one loads.
    placeholderData: keepPreviousData,
  });
  const rows: TicketRow[] = useMemo(() => query.data?.items ?? [], [query.data]);

  const toggle = useCallback((t: Pick<TicketRow, "id" | "number">) => {
    setSelected((prev) => {
      const next = new Map(prev);
      if (next.has(t.id)) next.delete(t.id);
      else next.set(t.id, { id: t.id, number: t.number });
      return next;
    });
  }, []);
  const moveTo = useCallback((i: number) => {
    setActive(i);
    requestAnimationFrame(() => {
      const row = tableRef.current?.querySelectorAll<HTMLElement>("[data-testid=ticket-row]")[i];
      row?.querySelector<HTMLElement>("[data-row-link]")?.focus();
      row?.scrollIntoView({ block: "nearest" });
    });
  }, []);
  useListKeys({
    count: rows.length,
    active,
    setActive: moveTo,
    open: useCallback((i: number) => rows[i] && router.push(`/tickets/${rows[i].id}`), [rows, router]),
    toggle: useCallback((i: number) => rows[i] && toggle(rows[i]), [rows, toggle]),
  });

  const sort = currentSort(params, baseSort);
  const queueParam = source.kind === "queue" ? source.id : undefined;
  const exportHref = (tids?: number[]) => `/api/staff/tickets/export?${toQueryString(params, { queue: queueParam, tids: tids?.join(",") })}`;
  const page = cursors.length - 1;
  const pickedRows = [...selected.values()];

  if (query.isPending) return <LoadingState label="Loading tickets…" />;
  if (query.isError && !query.data) {
    const { title, message } = errorText(query.error);
    return <ErrorState title={title} message={message} action={<Button onClick={() => query.refetch()}>Try again</Button>} />;
  }
  const data = query.data!;
  return (
    <div>
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <p className="text-slate-600" data-testid="list-total" aria-live="polite">
          {formatTotal(data.total, data.totalExact)} {data.total === 1 && data.totalExact ? "ticket" : "tickets"}
          {query.isFetching && <span className="ml-2 text-xs text-slate-500">Refreshing…</span>}
        </p>
        {can.export && (
          <div className="flex gap-2">
            {pickedRows.length > 0 && (
              <a href={exportHref(pickedRows.map((s) => s.id))} download className="inline-flex h-8 items-center rounded border border-slate-300 bg-white px-3 font-medium hover:bg-slate-50">
                Export selected
              </a>
            )}
            <a href={exportHref()} download className="inline-flex h-8 items-center rounded border border-slate-300 bg-white px-3 font-medium hover:bg-slate-50">
              Export CSV
            </a>
          </div>
        )}
      </div>
      {result && <MassResults result={result.result} numbers={result.numbers} onDismiss={() => setResult(null)} />}
      {pickedRows.length > 0 && (
        <MassActions
          selected={pickedRows}
          options={options}
          can={can}
          onClear={() => setSelected(new Map())}
          onDone={(r) => {
            const numbers = new Map(pickedRows.map((s) => [s.id, s.number]));
            setResult({ result: r, numbers });
            // Failed tickets stay selected for another try.
            setSelected(new Map(r.results.filter((x) => !x.ok && numbers.has(x.tid)).map((x) => [x.tid, { id: x.tid, number: numbers.get(x.tid)! }])));
          }}
        />
      )}
      {query.isError && <ErrorState title="The list could not be refreshed" message={errorText(query.error).message} />}
      {rows.length === 0 ? (
        <EmptyState title="No tickets here">{Object.keys(params).length ? "Nothing matches these filters; change or clear them." : "When tickets match, they show up here."}</EmptyState>
      ) : (
        <div ref={tableRef}>
          <TicketTable
            label={label}
            rows={rows}
            columns={visibleColumns(columns, rows, columnsChosen)}
            zone={zone}
            sort={sort}
            onSort={(key) => onSort(key, sort.key === key ? (sort.order === "asc" ? "desc" : "asc") : defaultOrder[key])}
            selected={new Set(selected.keys())}
            onToggle={toggle}
            onToggleAll={(on) =>
              setSelected((prev) => {
                const next = new Map(prev);
                for (const r of rows) {
                  if (on) next.set(r.id, { id: r.id, number: r.number });
                  else next.delete(r.id);
                }
                return next;
              })
            }
            active={active}
            onActivate={setActive}
            busy={query.isPlaceholderData}
          />
          <p className="mt-1 hidden text-xs text-slate-500 lg:block">Keys: j / k move, Enter opens, x selects.</p>
        </div>
      )}
      <Pager
        page={page}
        size={LIST_PAGE_SIZE}
        shown={rows.length}
        total={data.total}
        exact={data.totalExact}
        hasNext={!!data.nextCursor && !query.isPlaceholderData}
        onPrev={() => (setCursors((c) => c.slice(0, -1)), setActive(-1))}
        onNext={() => (setCursors((c) => [...c, data.nextCursor]), setActive(-1))}
      />
    </div>
  );
}
