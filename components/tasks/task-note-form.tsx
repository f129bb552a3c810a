"use client";
// Adds a note to the task's thread (staff only; never mailed). What is typed stays if it fails.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/field";
import { ApiError } from "@/lib/http/client";
import { useTaskOperation } from "@/lib/tasks/client";

export function TaskNoteForm({ taskId }: { taskId: number }) {
  const router = useRouter();
  const op = useTaskOperation(taskId);
  const [body, setBody] = useState("");
  const [error, setError] = useState("");
  const [done, setDone] = useState("");

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setError("");
    setDone("");
    if (!body.trim()) return setError("Write a note first");
    try {
      await op.mutateAsync({ op: "note", body: { body, format: "text" } });
      setBody("");
      setDone("Note added");
      router.refresh();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : "The note could not be added. Check your connection and try again.");
    }
  }

  return (
    <form onSubmit={submit} className="space-y-2 rounded border border-slate-200 bg-white p-3">
      <label htmlFor="task-note" className="block text-sm font-medium text-slate-800">
        Add a note
      </label>
      <Textarea id="task-note" value={body} onChange={(e) => setBody(e.target.value)} rows={4} placeholder="What was done, what is next…" className="bg-amber-50/40" />
      {error && (
        <p role="alert" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-red-800">
          {error}
        </p>
      )}
      <div className="flex items-center justify-end gap-3">
        <span role="status" aria-live="polite" className="text-xs text-green-800">
          {done}
        </span>
        <Button type="submit" variant="primary" className="bg-amber-700 hover:bg-amber-800" disabled={op.isPending}>
          {op.isPending ? "Adding…" : "Add note"}
        </Button>
      </div>
    </form>
  );
}
