"use client";
// Which columns a queue shows, and in what order: chosen ones first (move them up or down),
// then the rest to add.
import { Button } from "@/components/ui/button";
import { columnDefs } from "@/components/tickets/list/columns";
import type { QueueColumn } from "@/lib/queues/schemas";

export function ColumnPicker({ all, value, onChange, error }: { all: readonly QueueColumn[]; value: QueueColumn[]; onChange: (v: QueueColumn[]) => void; error?: string }) {
  const move = (i: number, by: -1 | 1) => {
    const next = [...value];
    [next[i], next[i + by]] = [next[i + by], next[i]];
    onChange(next);
  };
  const rest = all.filter((c) => !value.includes(c));
  return (
    <fieldset aria-describedby={error ? "columns-error" : undefined}>
      <legend className="mb-1 text-sm font-medium text-slate-800">Columns</legend>
      <ol className="divide-y divide-slate-100 rounded border border-slate-200 bg-white" aria-label="Shown columns, in order">
        {value.map((c, i) => (
          <li key={c} className="flex items-center justify-between gap-2 px-2 py-1 text-sm">
            <label className="flex items-center gap-2">
              <input type="checkbox" checked onChange={() => onChange(value.filter((x) => x !== c))} disabled={value.length === 1} />
              {columnDefs[c].label}
            </label>
            <span className="flex gap-1">
              <Button size="sm" variant="ghost" aria-label={`Move ${columnDefs[c].label} up`} disabled={i === 0} onClick={() => move(i, -1)}>
                ↑
              </Button>
              <Button size="sm" variant="ghost" aria-label={`Move ${columnDefs[c].label} down`} disabled={i === value.length - 1} onClick={() => move(i, 1)}>
                ↓
              </Button>
            </span>
          </li>
        ))}
      </ol>
      {rest.length > 0 && (
        <div className="mt-2 flex flex-wrap gap-x-4 gap-y-1" aria-label="Other columns">
          {rest.map((c) => (
            <label key={c} className="flex items-center gap-1.5 text-sm text-slate-700">
              <input type="checkbox" checked={false} onChange={() => onChange([...value, c])} />
              {columnDefs[c].label}
            </label>
          ))}
        </div>
      )}
      {error && (
        <p id="columns-error" role="alert" className="mt-1 text-xs text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}
