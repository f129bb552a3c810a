"use client";
// Merge: find the other ticket by number, check the preview, choose which one survives and how
// the threads join (combined in time order, kept as separate groups, or only linked).
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { ApiError } from "@/lib/http/client";
import { useMergeTickets, useTicketLookup } from "@/lib/tickets/client";
import { ActionDialog } from "./action-dialog";
import { statusLabel, statusTone } from "./labels";
import { useTicket } from "./ticket-context";

export function MergeDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { ticket } = useTicket();
  const [typed, setTyped] = useState("");
  const [number, setNumber] = useState<string | null>(null);
  const [direction, setDirection] = useState<"into-this" | "into-other">("into-this");
  const [mode, setMode] = useState<"combine" | "separate" | "link">("combine");
  const found = useTicketLookup(number);
  const merge = useMergeTickets();
  const other = found.data && found.data.id !== ticket.id ? found.data : null;

  const find = () => setNumber(typed.replace(/^#/, "").trim() || null);
  const lookupError = found.error instanceof ApiError && found.error.status === 404 ? `No ticket #${number} that you can see` : found.error ? "The lookup failed; try again" : "";

  return (
    <ActionDialog
      open={open}
      onClose={onClose}
      title={`Merge with #${ticket.number}`}
      submitLabel={mode === "link" ? "Link tickets" : "Merge tickets"}
      withComment={false}
      disabled={!other}
      onSubmit={async () => {
        if (!other) throw new Error("no ticket chosen");
        const intoThis = direction === "into-this";
        await merge.mutateAsync({
          parentId: intoThis ? ticket.id : other.id,
          tids: [intoThis ? other.id : ticket.id],
          mode,
          version: intoThis ? ticket.version : undefined,
        });
        return mode === "link" ? `Linked with #${other.number}` : intoThis ? `#${other.number} merged into this ticket` : `Merged into #${other.number}`;
      }}
    >
      <div className="flex items-end gap-2">
        <Field id="merge-number" label="Other ticket number" className="flex-1">
          <Input
            id="merge-number"
            value={typed}
            inputMode="numeric"
            autoComplete="off"
            onChange={(e) => setTyped(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                find();
              }
            }}
          />
        </Field>
        <Button onClick={find} disabled={!typed.trim()}>
          Find
        </Button>
      </div>
      {found.isFetching && <p className="text-slate-600">Looking up #{number}…</p>}
      {lookupError && <p className="text-red-800">{lookupError}</p>}
      {found.data && found.data.id === ticket.id && <p className="text-red-800">That is this ticket.</p>}
      {other && (
        <div data-testid="merge-preview" className="rounded border border-slate-200 bg-slate-50 p-2">
          <div className="flex items-center gap-2">
            <span className="font-semibold">#{other.number}</span>
            <Badge tone={statusTone[other.status]}>{statusLabel[other.status] ?? other.status}</Badge>
            {other.mergedIntoId && <Badge tone="purple">already merged</Badge>}
          </div>
          <p className="mt-0.5 font-medium">{other.subject}</p>
          <p className="text-xs text-slate-600">
            {other.user.name} &lt;{other.user.email}&gt; · {other.department.name}
          </p>
        </div>
      )}
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">Which ticket stays</legend>
        <label className="flex items-center gap-2">
          <input type="radio" name="direction" checked={direction === "into-this"} onChange={() => setDirection("into-this")} /> This one (#{ticket.number}); the other is merged into it
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name="direction" checked={direction === "into-other"} onChange={() => setDirection("into-other")} /> The other one; this ticket is merged into it
        </label>
      </fieldset>
      <Field id="merge-mode" label="Threads">
        <Select id="merge-mode" value={mode} onChange={(e) => setMode(e.target.value as typeof mode)}>
          <option value="combine">Combine into one thread, in time order</option>
          <option value="separate">Keep the merged thread as a separate group</option>
          <option value="link">Only link the tickets (no merge)</option>
        </Select>
      </Field>
    </ActionDialog>
  );
}
