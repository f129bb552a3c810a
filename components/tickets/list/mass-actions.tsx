"use client";
// Mass actions on the selected tickets (POST /tickets/mass): status, assign, transfer, claim,
// merge, delete. Delete and merge ask first. The per-ticket results stay on screen until dismissed.
import { useState } from "react";
import { ConfirmDialog } from "@/components/admin/confirm-dialog";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import { ApiError } from "@/lib/http/client";
import { type MassActionInput, type MassActionResult, useMassAction } from "@/lib/tickets/client";
import { statusLabel } from "../labels";
import type { ListAbilities, ListOptions } from "./list-options";

type Action = MassActionInput["action"];
const ACTIONS: Array<{ value: Action; label: string }> = [
  { value: "status", label: "Change status" },
  { value: "assign", label: "Assign" },
  { value: "transfer", label: "Transfer" },
  { value: "claim", label: "Claim" },
  { value: "merge", label: "Merge" },
  { value: "delete", label: "Delete" },
];
const STATUSES = ["open", "awaiting_client", "resolved", "closed", "archived"];

export interface Selected {
  id: number;
  number: string;
}

interface Props {
  selected: Selected[];
  options: ListOptions;
  can: ListAbilities;
  onDone: (result: MassActionResult) => void;
  onClear: () => void;
}

export function MassActions({ selected, options, can, onDone, onClear }: Props) {
  const allowed = ACTIONS.filter((a) => can[a.value]);
  const [action, setAction] = useState<Action>(allowed[0]?.value ?? "status");
  const [value, setValue] = useState("");
  const [mode, setMode] = useState<"combine" | "separate">("combine");
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState("");
  const mass = useMassAction();
  const tids = selected.map((s) => s.id);
  const parent = Number(value) || tids[0];

  function body(): MassActionInput | null {
    switch (action) {
      case "status":
        return value ? { action, tids, status: value } : null;
      case "assign":
        return value ? { action, tids, assignee: value } : null;
      case "transfer":
        return value ? { action, tids, deptId: Number(value) } : null;
      case "merge":
        return tids.length >= 2 ? { action, tids, parent, mode } : null;
      default:
        return { action, tids };
    }
  }
  const ready = body() !== null;

  async function run() {
    const b = body();
    if (!b) return;
    setError("");
    try {
      onDone(await mass.mutateAsync(b));
    } catch (e) {
      setError(e instanceof ApiError && e.status < 500 ? e.message : "The action could not be carried out. Try again.");
    }
  }

  if (!allowed.length) return null;
  const input = "h-8 w-auto py-0";
  return (
    <div role="toolbar" aria-label="Mass actions" className="mb-2 flex flex-wrap items-center gap-2 rounded border border-blue-200 bg-blue-50 px-3 py-2">
      <span className="font-medium text-blue-900" data-testid="selection-count">
        {selected.length} selected
      </span>
      <Select aria-label="Action" className={input} value={action} onChange={(e) => (setAction(e.target.value as Action), setValue(""))}>
        {allowed.map((a) => (
          <option key={a.value} value={a.value}>
            {a.label}
          </option>
        ))}
      </Select>
      {action === "status" && (
        <Select aria-label="New status" className={input} value={value} onChange={(e) => setValue(e.target.value)}>
          <option value="">Status…</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {statusLabel[s]}
            </option>
          ))}
        </Select>
      )}
      {action === "assign" && (
        <Select aria-label="Assign to" className={input} value={value} onChange={(e) => setValue(e.target.value)}>
          <option value="">Assignee…</option>
          <optgroup label="Staff">
            {options.staff.map((s) => (
              <option key={s.id} value={`s${s.id}`}>
                {s.name}
              </option>
            ))}
          </optgroup>
          <optgroup label="Teams">
            {options.teams.map((t) => (
              <option key={t.id} value={`t${t.id}`}>
                {t.name}
              </option>
            ))}
          </optgroup>
        </Select>
      )}
      {action === "transfer" && (
        <Select aria-label="Department" className={input} value={value} onChange={(e) => setValue(e.target.value)}>
          <option value="">Department…</option>
          {options.departments
            .filter((d) => d.isMember)
            .map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
        </Select>
      )}
      {action === "merge" && (
        <>
          <Select aria-label="Ticket that stays" className={input} value={String(parent)} onChange={(e) => setValue(e.target.value)}>
            {selected.map((s) => (
              <option key={s.id} value={s.id}>
                Keep #{s.number}
              </option>
            ))}
          </Select>
          <Select aria-label="Merge mode" className={input} value={mode} onChange={(e) => setMode(e.target.value as "combine" | "separate")}>
            <option value="combine">Combine threads</option>
            <option value="separate">Keep threads separate</option>
          </Select>
        </>
      )}
      <Button variant={action === "delete" ? "danger" : "primary"} disabled={!ready || mass.isPending} onClick={() => (action === "delete" || action === "merge" ? setConfirming(true) : run())}>
        {mass.isPending ? "Working…" : "Apply"}
      </Button>
      <Button variant="ghost" onClick={onClear}>
        Clear selection
      </Button>
      {action === "merge" && tids.length < 2 && <span className="text-xs text-blue-900">Select at least two tickets to merge.</span>}
      {error && (
        <span role="alert" className="text-sm text-red-800">
          {error}
        </span>
      )}
      <ConfirmDialog
        open={confirming}
        title={action === "delete" ? `Delete ${selected.length} tickets?` : `Merge ${selected.length} tickets?`}
        confirmLabel={action === "delete" ? "Delete" : "Merge"}
        onClose={() => setConfirming(false)}
        onConfirm={run}
      >
        {action === "delete"
          ? "The tickets move to the deleted state; an administrator can restore them until they are purged."
          : `The other tickets are merged into #${selected.find((s) => s.id === parent)?.number ?? ""} and closed.`}
      </ConfirmDialog>
    </div>
  );
}

/** What the last mass action did, ticket by ticket. */
export function MassResults({ result, numbers, onDismiss }: { result: MassActionResult; numbers: Map<number, string>; onDismiss: () => void }) {
  const label = ACTIONS.find((a) => a.value === result.action)?.label ?? result.action;
  return (
    <section aria-label="Mass action results" data-testid="mass-results" className="mb-3 rounded border border-slate-200 bg-white p-3" aria-live="polite">
      <div className="flex items-center justify-between gap-2">
        <p className="font-medium">
          {label}: {result.succeeded} done{result.failed ? `, ${result.failed} failed` : ""}
        </p>
        <Button size="sm" variant="ghost" onClick={onDismiss}>
          Dismiss
        </Button>
      </div>
      <ul className="mt-2 grid gap-x-6 gap-y-0.5 sm:grid-cols-2 lg:grid-cols-3">
        {result.results.map((r) => (
          <li key={r.tid} data-testid="mass-result" data-ok={r.ok} className={r.ok ? "text-green-800" : "text-red-800"}>
            <span className="font-mono">#{numbers.get(r.tid) ?? r.tid}</span> {r.ok ? `✓ ${r.message === "OK" ? "done" : r.message}` : `✗ ${r.message}`}
          </li>
        ))}
      </ul>
    </section>
  );
}
