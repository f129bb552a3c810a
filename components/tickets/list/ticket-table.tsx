"use client";
// The ticket table of queues and search: sortable headings (aria-sort; the whole heading cell is
// the sort button), a checkbox per row and for the page, markers, and the keyboard's current row
// (j/k) highlighted.
import { Table, Td, Th } from "@/components/admin/table";
import type { QueueColumn } from "@/lib/queues/schemas";
import type { TicketRow } from "@/lib/search/client";
import type { SortKey } from "@/lib/search/params";
import { cn } from "@/lib/utils";
import { columnDefs } from "./columns";

export interface TableSort {
  key: SortKey;
  order: "asc" | "desc";
}

interface Props {
  label: string;
  rows: TicketRow[];
  columns: QueueColumn[];
  zone: string;
  sort: TableSort;
  onSort: (key: SortKey) => void;
  selected: ReadonlySet<number>;
  onToggle: (row: TicketRow) => void;
  onToggleAll: (on: boolean) => void;
  active: number;
  onActivate: (index: number) => void;
  busy?: boolean;
}

export function TicketTable({ label, rows, columns, zone, sort, onSort, selected, onToggle, onToggleAll, active, onActivate, busy }: Props) {
  const allOn = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const someOn = rows.some((r) => selected.has(r.id));
  return (
    <Table label={label} className={cn(busy && "opacity-60 transition-opacity")}>
      <thead>
        <tr>
          <Th className="w-8 px-2">
            <input
              type="checkbox"
              aria-label="Select all tickets on this page"
              checked={allOn}
              ref={(el) => {
                if (el) el.indeterminate = someOn && !allOn;
              }}
              onChange={(e) => onToggleAll(e.target.checked)}
            />
          </Th>
          {columns.map((c) => {
            const def = columnDefs[c];
            const current = def.sort && sort.key === def.sort;
            return (
              <Th key={c} className={cn(def.show, "px-2 whitespace-nowrap", def.sort && "p-0")} aria-sort={current ? (sort.order === "asc" ? "ascending" : "descending") : undefined}>
                {def.sort ? (
                  <button
                    type="button"
                    onClick={() => onSort(def.sort!)}
                    className="flex w-full items-center gap-1 px-2 py-2 text-left uppercase hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-blue-600"
                    title={`Sort by ${def.label.toLowerCase()}`}
                  >
                    {def.label}
                    <span aria-hidden className={cn("text-[10px]", !current && "text-slate-300")}>
                      {current ? (sort.order === "asc" ? "▲" : "▼") : "↕"}
                    </span>
                  </button>
                ) : (
                  def.label
                )}
              </Th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {rows.map((t, i) => (
          <tr
            key={t.id}
            data-testid="ticket-row"
            data-tid={t.id}
            data-number={t.number}
            data-active={i === active || undefined}
            aria-selected={selected.has(t.id)}
            onClick={(e) => {
              if ((e.target as HTMLElement).closest("a,button,input")) return;
              onActivate(i);
            }}
            className={cn(
              "hover:bg-slate-50",
              selected.has(t.id) && "bg-blue-50/60 hover:bg-blue-50",
              i === active && "outline-2 -outline-offset-2 outline-blue-600",
            )}
          >
            <Td className="px-2">
              <input type="checkbox" aria-label={`Select #${t.number}`} checked={selected.has(t.id)} onChange={() => onToggle(t)} />
            </Td>
            {columns.map((c) => (
              <Td key={c} className={cn("px-2", columnDefs[c].show)}>
                {columnDefs[c].cell(t, zone)}
              </Td>
            ))}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
