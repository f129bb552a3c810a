"use client";
// Create or change a saved queue: name, personal or shared, criteria (the search form), columns
// and sort. Deleting asks first. The API checks ownership again (owner or admin).
import Link from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ConfirmDialog } from "@/components/admin/confirm-dialog";
import { CriteriaForm } from "@/components/search/criteria-form";
import type { ListOptions } from "@/components/tickets/list/list-options";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { ApiError } from "@/lib/http/client";
import { useQueueMutations } from "@/lib/queues/client";
import type { QueueColumn } from "@/lib/queues/schemas";
import type { CriteriaParams } from "@/lib/search/params";
import { ColumnPicker } from "./column-picker";

export interface QueueDraft {
  name: string;
  shared: boolean;
  criteria: CriteriaParams;
  columns: QueueColumn[];
}

interface Props {
  /** The saved queue being edited; none: a new queue. */
  queueId?: number;
  initial: QueueDraft;
  allColumns: readonly QueueColumn[];
  options: ListOptions;
}

export function QueueEditor({ queueId, initial, allColumns, options }: Props) {
  const router = useRouter();
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState("");
  const [confirming, setConfirming] = useState(false);
  const { create, update, remove } = useQueueMutations();
  const pending = create.isPending || update.isPending;

  async function save(e: React.FormEvent) {
    e.preventDefault();
    setErrors({});
    setMessage("");
    try {
      const saved = queueId ? await update.mutateAsync({ id: queueId, body: draft }) : await create.mutateAsync(draft);
      router.push(`/tickets?queue=${saved.id}`);
    } catch (err) {
      if (err instanceof ApiError && err.status < 500) {
        setErrors(err.errors);
        setMessage(err.message);
      } else setMessage("The queue could not be saved. Try again.");
    }
  }

  const criteriaErrors = Object.fromEntries(Object.entries(errors).flatMap(([k, v]) => (k.startsWith("criteria.") ? [[k.slice(9), v]] : [])));
  return (
    <form onSubmit={save} aria-label={queueId ? "Edit queue" : "New queue"} className="space-y-5">
      <div className="grid gap-4 rounded border border-slate-200 bg-white p-4 md:grid-cols-[minmax(0,1fr)_auto]">
        <Field id="queue-name" label="Name" error={errors.name}>
          <Input id="queue-name" value={draft.name} maxLength={80} required aria-invalid={!!errors.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
        </Field>
        <label className="flex items-start gap-2 self-end pb-1.5 text-sm">
          <input type="checkbox" className="mt-0.5" checked={draft.shared} onChange={(e) => setDraft({ ...draft, shared: e.target.checked })} />
          <span>
            Shared with all staff
            <span className="block text-xs text-slate-500">Each person sees only the tickets they may see.</span>
          </span>
        </label>
      </div>
      <section aria-labelledby="criteria-heading" className="rounded border border-slate-200 bg-white p-4">
        <h2 id="criteria-heading" className="mb-3 font-semibold">
          Criteria and sort
        </h2>
        <CriteriaForm value={draft.criteria} onChange={(criteria) => setDraft({ ...draft, criteria })} options={options} errors={criteriaErrors} idPrefix="queue" />
      </section>
      <section className="rounded border border-slate-200 bg-white p-4 md:max-w-md">
        <ColumnPicker all={allColumns} value={draft.columns} onChange={(columns) => setDraft({ ...draft, columns })} error={errors.columns} />
      </section>
      {message && (
        <p role="alert" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {message}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" variant="primary" disabled={pending || !draft.name.trim()}>
          {pending ? "Saving…" : queueId ? "Save changes" : "Create queue"}
        </Button>
        <Link href={queueId ? `/tickets?queue=${queueId}` : "/tickets"} className="inline-flex h-8 items-center rounded px-3 font-medium text-slate-700 hover:bg-slate-100">
          Cancel
        </Link>
        {queueId && (
          <Button variant="danger" className="ml-auto" onClick={() => setConfirming(true)}>
            Delete queue
          </Button>
        )}
      </div>
      {queueId && (
        <ConfirmDialog
          open={confirming}
          title={`Delete “${initial.name}”?`}
          confirmLabel="Delete queue"
          onClose={() => setConfirming(false)}
          onConfirm={async () => {
            await remove.mutateAsync(queueId);
            router.push("/tickets");
          }}
        >
          {initial.shared ? "The shared queue disappears from everyone’s sidebar." : "The queue disappears from your sidebar; it was yours only."} Its tickets are not touched.
        </ConfirmDialog>
      )}
    </form>
  );
}
