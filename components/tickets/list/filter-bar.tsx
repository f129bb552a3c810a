"use client";
// The queue view's filters: one choice per criterion (status, department, assignee, priority,
// topic, urgency, overdue, escalated) plus text. Each one refines the queue's own criteria and is
// written to the address; "as queue" means the queue's value applies.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { type CriteriaParams, statusChoices } from "@/lib/search/params";
import type { ListOptions, Pick } from "./list-options";

interface Props {
  params: CriteriaParams;
  /** The queue's own criteria (JSON), to say what "as queue" means. */
  base: Record<string, unknown>;
  options: ListOptions;
  onChange: (patch: Record<string, string | undefined>) => void;
  onClear: () => void;
}

const URGENCY = ["critical", "high", "medium", "low"];
const labelOf = (choices: Array<{ value: string; label: string }>, v: unknown) =>
  (Array.isArray(v) ? v : v === undefined ? [] : [v]).map((x) => choices.find((c) => c.value === String(x))?.label ?? String(x)).join(", ");

function FilterSelect({ id, label, value, base, choices, onChange }: {
  id: string;
  label: string;
  value: string | undefined;
  base: unknown;
  choices: Array<{ value: string; label: string; group?: string }>;
  onChange: (v: string | undefined) => void;
}) {
  const several = value?.includes(",") && !choices.some((c) => c.value === value);
  const groups = [...new Set(choices.map((c) => c.group))];
  const render = (cs: typeof choices) => cs.map((c) => <option key={c.value} value={c.value}>{c.label}</option>);
  return (
    // The label sits beside the control, not around it: a wrapping label would add the chosen
    // option's text to the control's accessible name.
    <div className="flex flex-col gap-0.5">
      <label htmlFor={id} className="text-xs font-medium text-slate-600">
        {label}
      </label>
      <Select id={id} className="h-8 w-40 py-0" value={value ?? ""} onChange={(e) => onChange(e.target.value || undefined)}>
        <option value="">{base === undefined ? "Any" : `As queue (${labelOf(choices, base) || "any"})`}</option>
        {several && <option value={value}>Several ({labelOf(choices, value!.split(","))})</option>}
        {groups.length > 1 ? groups.map((g) => <optgroup key={g} label={g ?? ""}>{render(choices.filter((c) => c.group === g))}</optgroup>) : render(choices)}
      </Select>
    </div>
  );
}

const picks = (items: Pick[], prefix = "", group?: string) => items.map((i) => ({ value: `${prefix}${i.id}`, label: i.name, group }));

export function FilterBar({ params, base, options, onChange, onClear }: Props) {
  const [text, setText] = useState(params.q ?? "");
  const set = (key: keyof CriteriaParams) => (v: string | undefined) => onChange({ [key]: v });
  const assignees = [
    { value: "me", label: "Me", group: "Quick" },
    { value: "none", label: "Unassigned", group: "Quick" },
    { value: "myteams", label: "My teams", group: "Quick" },
    ...picks(options.staff, "s", "Staff"),
    ...picks(options.teams, "t", "Teams"),
  ];
  const flag = (key: "overdue" | "escalated", label: string) => (
    <label className="flex h-8 items-center gap-1.5 self-end text-sm">
      <input type="checkbox" checked={params[key] === "true"} onChange={(e) => onChange({ [key]: e.target.checked ? "true" : undefined })} />
      {label}
    </label>
  );
  return (
    <form
      role="search"
      aria-label="Filter tickets"
      className="mb-3 flex flex-wrap items-end gap-x-3 gap-y-2 rounded border border-slate-200 bg-white p-3"
      onSubmit={(e) => {
        e.preventDefault();
        onChange({ q: text.trim() || undefined });
      }}
    >
      <div className="flex flex-col gap-0.5">
        <label htmlFor="filter-q" className="text-xs font-medium text-slate-600">
          Text
        </label>
        <Input id="filter-q" type="search" className="h-8 w-48" value={text} onChange={(e) => setText(e.target.value)} onBlur={() => text.trim() !== (params.q ?? "") && onChange({ q: text.trim() || undefined })} placeholder="Words, number, email" />
      </div>
      <FilterSelect id="filter-status" label="Status" value={params.status} base={base.status} choices={statusChoices} onChange={set("status")} />
      <FilterSelect id="filter-dept" label="Department" value={params.deptId} base={base.deptId} choices={picks(options.departments)} onChange={set("deptId")} />
      <FilterSelect id="filter-assignee" label="Assignee" value={params.assignee} base={base.assignee} choices={assignees} onChange={set("assignee")} />
      <FilterSelect id="filter-priority" label="Priority" value={params.priorityId} base={base.priorityId} choices={picks(options.priorities)} onChange={set("priorityId")} />
      <FilterSelect id="filter-topic" label="Help topic" value={params.topicId} base={base.topicId} choices={picks(options.topics)} onChange={set("topicId")} />
      <FilterSelect id="filter-urgency" label="AI urgency" value={params.urgency} base={base.urgency} choices={URGENCY.map((u) => ({ value: u, label: u[0].toUpperCase() + u.slice(1) }))} onChange={set("urgency")} />
      {flag("overdue", "Overdue")}
      {flag("escalated", "Escalated")}
      <Button
        variant="ghost"
        className="self-end"
        disabled={!Object.keys(params).length}
        onClick={() => {
          setText("");
          onClear();
        }}
      >
        Clear filters
      </Button>
    </form>
  );
}
