"use client";
// The building blocks of the criteria form: a group of checkboxes for a list criterion, a
// yes/no/any choice for a flag, a from/to pair for dates, and a lookup for users and organizations.
import { useId, useState } from "react";
import { Input, Select } from "@/components/ui/field";
import { useRequesterLookup } from "@/lib/search/client";

const split = (v: string | undefined) => (v ? v.split(",").filter(Boolean) : []);
const join = (vs: string[]) => (vs.length ? vs.join(",") : undefined);
const legendClass = "mb-1 text-sm font-medium text-slate-800";

export function CheckGroup({ legend, value, choices, onChange }: {
  legend: string;
  value: string | undefined;
  choices: Array<{ value: string; label: string }>;
  onChange: (v: string | undefined) => void;
}) {
  const on = split(value);
  return (
    <fieldset className="min-w-0">
      <legend className={legendClass}>{legend}</legend>
      <div className="max-h-36 space-y-0.5 overflow-y-auto rounded border border-slate-200 bg-white p-2">
        {choices.length === 0 && <p className="text-xs text-slate-500">None available.</p>}
        {choices.map((c) => (
          <label key={c.value} className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={on.includes(c.value)} onChange={(e) => onChange(join(e.target.checked ? [...on, c.value] : on.filter((x) => x !== c.value)))} />
            {c.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function TriState({ id, label, value, onChange }: { id: string; label: string; value: string | undefined; onChange: (v: string | undefined) => void }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <Select id={id} value={value ?? ""} onChange={(e) => onChange(e.target.value || undefined)}>
        <option value="">Any</option>
        <option value="true">Yes</option>
        <option value="false">No</option>
      </Select>
    </div>
  );
}

export function DateRange({ legend, from, to, onChange }: { legend: string; from: string | undefined; to: string | undefined; onChange: (from: string | undefined, to: string | undefined) => void }) {
  const id = useId();
  return (
    <fieldset className="min-w-0">
      <legend className={legendClass}>{legend}</legend>
      <div className="grid grid-cols-2 gap-2">
        <label htmlFor={`${id}-from`} className="text-xs text-slate-600">
          From
          <Input id={`${id}-from`} value={from ?? ""} placeholder="2024-05-01 or -7d" onChange={(e) => onChange(e.target.value.trim() || undefined, to)} />
        </label>
        <label htmlFor={`${id}-to`} className="text-xs text-slate-600">
          To
          <Input id={`${id}-to`} value={to ?? ""} placeholder="2024-05-31 or +2d" onChange={(e) => onChange(from, e.target.value.trim() || undefined)} />
        </label>
      </div>
    </fieldset>
  );
}

/** Picks users or organizations by name: chosen ones show as removable chips. */
export function LookupPicker({ kind, legend, value, onChange }: { kind: "users" | "orgs"; legend: string; value: string | undefined; onChange: (v: string | undefined) => void }) {
  const id = useId();
  const [q, setQ] = useState("");
  const [names, setNames] = useState<Record<string, string>>({});
  const hits = useRequesterLookup(kind, q);
  const on = split(value);
  return (
    <fieldset className="min-w-0">
      <legend className={legendClass}>{legend}</legend>
      {on.length > 0 && (
        <ul className="mb-1 flex flex-wrap gap-1">
          {on.map((v) => (
            <li key={v} className="inline-flex items-center gap-1 rounded bg-slate-100 px-1.5 py-0.5 text-xs">
              {names[v] ?? `#${v}`}
              <button type="button" aria-label={`Remove ${names[v] ?? v}`} className="text-slate-500 hover:text-slate-900" onClick={() => onChange(join(on.filter((x) => x !== v)))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <label htmlFor={id} className="sr-only">
        Find {kind === "users" ? "a user" : "an organization"}
      </label>
      <Input id={id} type="search" value={q} placeholder={kind === "users" ? "Name or email…" : "Name or domain…"} onChange={(e) => setQ(e.target.value)} autoComplete="off" />
      {q.trim().length >= 2 && (
        <ul className="mt-1 max-h-32 overflow-y-auto rounded border border-slate-200 bg-white text-sm" aria-label={`${legend} matches`}>
          {hits.isLoading && <li className="px-2 py-1 text-slate-500">Searching…</li>}
          {hits.isError && <li className="px-2 py-1 text-red-700">The lookup failed; try again.</li>}
          {hits.data?.length === 0 && <li className="px-2 py-1 text-slate-500">No match.</li>}
          {hits.data
            ?.filter((h) => !on.includes(String(h.id)))
            .map((h) => (
              <li key={h.id}>
                <button
                  type="button"
                  className="w-full px-2 py-1 text-left hover:bg-slate-100 focus:bg-slate-100"
                  onClick={() => {
                    setNames((n) => ({ ...n, [h.id]: h.name }));
                    onChange(join([...on, String(h.id)]));
                    setQ("");
                  }}
                >
                  {h.name}
                  {h.email && <span className="ml-1 text-xs text-slate-500">{h.email}</span>}
                </button>
              </li>
            ))}
        </ul>
      )}
    </fieldset>
  );
}
