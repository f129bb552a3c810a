"use client";
// Every criterion of the search schema as a form (the search page and the queue editor share
// it). It edits URL-style values (params.ts); the server parses and names any bad one.
import { Field, Input, Select } from "@/components/ui/field";
import type { ListOptions, Pick } from "@/components/tickets/list/list-options";
import { type CriteriaParams, type SortKey, sortKeys, statusChoices, withParams } from "@/lib/search/params";
import { CheckGroup, DateRange, LookupPicker, TriState } from "./criteria-fields";

const SOURCES = ["api", "email", "web", "phone", "staff"];
const URGENCY = ["critical", "high", "medium", "low"];
const cap = (s: string) => s[0].toUpperCase() + s.slice(1);

export const sortLabels: Record<SortKey, string> = {
  relevance: "Relevance (with text)",
  number: "Number",
  subject: "Subject",
  created: "Created",
  updated: "Last update",
  due: "Due date",
  priority: "Priority",
  status: "Status",
  urgency: "AI urgency",
  user: "Requester",
  org: "Organization",
  dept: "Department",
  assignee: "Assignee",
  lastMessage: "Last message",
  lastResponse: "Last response",
};

const picks = (items: Pick[], prefix = "") => items.map((i) => ({ value: `${prefix}${i.id}`, label: i.name }));

interface Props {
  value: CriteriaParams;
  onChange: (next: CriteriaParams) => void;
  options: ListOptions;
  /** Field errors from the API, keyed like `status.0` or `createdFrom`. */
  errors?: Record<string, string>;
  idPrefix?: string;
}

export function CriteriaForm({ value, onChange, options, errors = {}, idPrefix = "c" }: Props) {
  const set = (patch: Record<string, string | undefined>) => onChange(withParams(value, patch));
  const one = (key: keyof CriteriaParams) => (v: string | undefined) => set({ [key]: v });
  const err = (key: string) => Object.entries(errors).find(([k]) => k === key || k.startsWith(`${key}.`))?.[1];
  const [sortKey, sortDir] = (value.sort ?? "").split(",")[0].split(":");
  const assignees = [{ value: "me", label: "Me" }, { value: "none", label: "Unassigned" }, { value: "myteams", label: "My teams" }, ...picks(options.staff, "s"), ...picks(options.teams, "t")];
  const errorKeys = ["status", "deptId", "assignee", "topicId", "priorityId", "orgId", "userId", "source", "urgency", "createdFrom", "createdTo", "updatedFrom", "updatedTo", "dueFrom", "dueTo"];
  const listed = errorKeys.map((k) => [k, err(k)] as const).filter(([, m]) => m);
  return (
    <div className="space-y-4">
      <Field id={`${idPrefix}-q`} label="Text" hint='Words in the subject, requester, organization or thread; a ticket number or email matches exactly; "quoted words" as a phrase.' error={err("q")}>
        <Input id={`${idPrefix}-q`} type="search" value={value.q ?? ""} onChange={(e) => set({ q: e.target.value || undefined })} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <CheckGroup legend="Status" value={value.status} choices={statusChoices} onChange={one("status")} />
        <CheckGroup legend="Department" value={value.deptId} choices={picks(options.departments)} onChange={one("deptId")} />
        <CheckGroup legend="Assignee" value={value.assignee} choices={assignees} onChange={one("assignee")} />
        <CheckGroup legend="Priority" value={value.priorityId} choices={picks(options.priorities)} onChange={one("priorityId")} />
        <CheckGroup legend="Help topic" value={value.topicId} choices={picks(options.topics)} onChange={one("topicId")} />
        <CheckGroup legend="Source" value={value.source} choices={SOURCES.map((s) => ({ value: s, label: s === "api" ? "API" : cap(s) }))} onChange={one("source")} />
        <CheckGroup legend="AI urgency" value={value.urgency} choices={URGENCY.map((u) => ({ value: u, label: cap(u) }))} onChange={one("urgency")} />
        <div className="space-y-3">
          <LookupPicker kind="orgs" legend="Organization" value={value.orgId} onChange={one("orgId")} />
          <LookupPicker kind="users" legend="Requester" value={value.userId} onChange={one("userId")} />
        </div>
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <DateRange legend="Created" from={value.createdFrom} to={value.createdTo} onChange={(f, t) => set({ createdFrom: f, createdTo: t })} />
        <DateRange legend="Updated" from={value.updatedFrom} to={value.updatedTo} onChange={(f, t) => set({ updatedFrom: f, updatedTo: t })} />
        <DateRange legend="Due" from={value.dueFrom} to={value.dueTo} onChange={(f, t) => set({ dueFrom: f, dueTo: t })} />
      </div>
      <div className="grid gap-4 sm:grid-cols-3 lg:grid-cols-7">
        <TriState id={`${idPrefix}-overdue`} label="Overdue" value={value.overdue} onChange={one("overdue")} />
        <TriState id={`${idPrefix}-answered`} label="Answered" value={value.answered} onChange={one("answered")} />
        <TriState id={`${idPrefix}-escalated`} label="Escalated" value={value.escalated} onChange={one("escalated")} />
        <TriState id={`${idPrefix}-docs`} label="Docs required" value={value.docsRequired} onChange={one("docsRequired")} />
        <TriState id={`${idPrefix}-docs-ack`} label="Docs acknowledged" value={value.docsAcknowledged} onChange={one("docsAcknowledged")} />
        <label htmlFor={`${idPrefix}-sort`} className="flex flex-col gap-1 text-sm font-medium text-slate-800">
          Sort by
          <Select id={`${idPrefix}-sort`} value={sortKey ?? ""} onChange={(e) => set({ sort: e.target.value ? `${e.target.value}${sortDir ? `:${sortDir}` : ""}` : undefined, order: undefined })}>
            <option value="">Default</option>
            {sortKeys.map((k) => (
              <option key={k} value={k}>
                {sortLabels[k]}
              </option>
            ))}
          </Select>
        </label>
        <label htmlFor={`${idPrefix}-order`} className="flex flex-col gap-1 text-sm font-medium text-slate-800">
          Direction
          <Select id={`${idPrefix}-order`} value={sortDir ?? ""} disabled={!sortKey} onChange={(e) => set({ sort: `${sortKey}${e.target.value ? `:${e.target.value}` : ""}`, order: undefined })}>
            <option value="">Column default</option>
            <option value="asc">Ascending</option>
            <option value="desc">Descending</option>
          </Select>
        </label>
      </div>
      {(listed.length > 0 || err("sort")) && (
        <ul role="alert" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {[...listed, ["sort", err("sort")] as const].filter(([, m]) => m).map(([k, m]) => (
            <li key={k}>
              {k}: {m}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
