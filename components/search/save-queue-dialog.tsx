"use client";
// "Save as queue": the search's criteria under a name, personal or shared with every colleague
// (each still sees only the tickets in their own scope).
import Link from "@/components/ui/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, Input } from "@/components/ui/field";
import { ApiError } from "@/lib/http/client";
import { type QueueInfo, useQueueMutations } from "@/lib/queues/client";
import type { CriteriaParams } from "@/lib/search/params";

export function SaveQueueButton({ criteria }: { criteria: CriteriaParams }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [shared, setShared] = useState(false);
  const [error, setError] = useState<{ message: string; fields: Record<string, string> } | null>(null);
  const [saved, setSaved] = useState<QueueInfo | null>(null);
  const { create } = useQueueMutations();

  async function save(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      setSaved(await create.mutateAsync({ name, criteria, shared }));
      setOpen(false);
      setName("");
    } catch (err) {
      setError(err instanceof ApiError && err.status < 500 ? { message: err.message, fields: err.errors } : { message: "The queue could not be saved. Try again.", fields: {} });
    }
  }

  return (
    <>
      <Button onClick={() => (setOpen(true), setSaved(null))}>Save as queue</Button>
      {saved && (
        <p role="status" data-testid="queue-saved" className="text-sm text-green-800">
          Queue “{saved.name}” saved.{" "}
          <Link href={`/tickets?queue=${saved.id}`} className="font-medium underline">
            Open it
          </Link>
        </p>
      )}
      <Dialog open={open} onClose={() => setOpen(false)} title="Save as queue">
        <form onSubmit={save} className="space-y-3">
          <Field id="queue-name" label="Name" error={error?.fields.name}>
            <Input id="queue-name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={80} aria-invalid={!!error?.fields.name} autoFocus />
          </Field>
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" className="mt-0.5" checked={shared} onChange={(e) => setShared(e.target.checked)} />
            <span>
              Shared with all staff
              <span className="block text-xs text-slate-500">Everyone sees it in their sidebar, with only the tickets they may see. Otherwise only you see it.</span>
            </span>
          </label>
          {error && (
            <p role="alert" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
              {error.message}
              {Object.entries(error.fields)
                .filter(([k]) => k !== "name")
                .map(([k, v]) => ` · ${k}: ${v}`)}
            </p>
          )}
          <div className="flex justify-end gap-2">
            <Button variant="ghost" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" variant="primary" disabled={create.isPending || !name.trim()}>
              {create.isPending ? "Saving…" : "Save queue"}
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
