"use client";
// When closing (or resolving) a ticket is refused because of its open tasks (409): names them
// and offers to close them together with the ticket (closeTasks: true), in one change.
import Link from "@/components/ui/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { OpenTask } from "@/lib/tickets/client";
import { errorText } from "./ticket-context";

export function OpenTasksDialog({ tasks, actionLabel, onConfirm, onClose }: { tasks: OpenTask[]; actionLabel: string; onConfirm: () => Promise<void>; onClose: () => void }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState("");
  async function confirm() {
    setPending(true);
    setError("");
    try {
      await onConfirm();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setPending(false);
    }
  }
  return (
    <Dialog open onClose={onClose} title="This ticket has open tasks">
      <div className="space-y-3" data-testid="open-tasks-notice">
        <p>
          The ticket cannot be closed while {tasks.length === 1 ? "this task is" : `these ${tasks.length} tasks are`} open:
        </p>
        <ul className="list-disc space-y-0.5 pl-5">
          {tasks.map((t) => (
            <li key={t.id}>
              <Link href={`/tasks/${t.id}`} className="text-blue-800 hover:underline">
                {t.title}
              </Link>{" "}
              <span className="text-xs text-slate-500">(task {t.id})</span>
            </li>
          ))}
        </ul>
        <p className="text-sm text-slate-600">Close {tasks.length === 1 ? "it" : "them"} together with the ticket, or finish {tasks.length === 1 ? "it" : "them"} first.</p>
        {error && (
          <p role="alert" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-red-800">
            {error}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <Button onClick={onClose} disabled={pending}>
            Cancel
          </Button>
          <Button variant="primary" onClick={confirm} disabled={pending}>
            {pending ? "Working…" : actionLabel}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
