"use client";
// Create a task: title, description, department, assignee (staff of that department or a
// team), due date in the staff member's time zone, and the linked ticket when opened from one.
// Without a ticket a task goes to one of the caller's departments; with one, to any department
// (asking another department for work on one's ticket).
import { useRouter } from "next/navigation";
import { useState } from "react";
import { zonedToIso } from "@/components/tickets/zone-time";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { type DepartmentPick, type TeamPick, useCatalogList } from "@/lib/catalog/client";
import { ApiError } from "@/lib/http/client";
import { useStaffPicks } from "@/lib/staff/client";
import { type TaskSummary, useCreateTask } from "@/lib/tasks/client";

export function NewTaskDialog({
  open,
  onClose,
  onCreated,
  zone,
  ticket,
  defaultDeptId,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (task: TaskSummary) => void;
  zone: string;
  ticket?: { id: number; number: string; deptId: number };
  defaultDeptId?: number | null;
}) {
  const depts = useCatalogList<DepartmentPick>("departments", open);
  const teams = useCatalogList<TeamPick>("teams", open);
  const create = useCreateTask();
  const [deptId, setDeptId] = useState(String(ticket?.deptId ?? defaultDeptId ?? ""));
  const staff = useStaffPicks(deptId ? Number(deptId) : undefined, open && !!deptId);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState("");
  const choices = (depts.data ?? []).filter((d) => ticket || d.isMember);

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const get = (k: string) => String(f.get(k) ?? "").trim();
    const due = get("dueAt");
    setErrors({});
    setError("");
    if (!get("title")) return setErrors({ title: "Title is required" });
    if (!deptId) return setErrors({ deptId: "Choose a department" });
    try {
      const task = await create.mutateAsync({
        title: get("title"),
        description: String(f.get("description") ?? ""),
        deptId: Number(deptId),
        ticketId: ticket?.id,
        assignee: get("assignee") || undefined,
        dueAt: due ? zonedToIso(due, zone) : undefined,
      });
      onCreated(task);
    } catch (err) {
      if (err instanceof ApiError) {
        setErrors(err.errors);
        setError(err.message);
      } else setError("The task could not be created. Check your connection and try again.");
    }
  }

  return (
    <Dialog open={open} onClose={onClose} title={ticket ? `New task for #${ticket.number}` : "New task"} className="max-w-xl">
      {open && (
        <form onSubmit={submit} noValidate className="space-y-3">
          {error && (
            <p role="alert" data-testid="form-error" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-red-800">
              {error}
            </p>
          )}
          <Field id="task-title" label="Title" error={errors.title}>
            <Input id="task-title" name="title" maxLength={255} aria-invalid={!!errors.title} autoFocus />
          </Field>
          <Field id="task-description" label="Description (optional)" error={errors.description}>
            <Textarea id="task-description" name="description" rows={3} className="min-h-0" />
          </Field>
          <div className="grid gap-3 sm:grid-cols-2">
            <Field id="task-dept" label="Department" error={errors.deptId} hint={depts.isLoading ? "Loading…" : ticket ? "Any department may be asked." : "One of your departments."}>
              <Select id="task-dept" value={deptId} onChange={(e) => setDeptId(e.target.value)} aria-invalid={!!errors.deptId}>
                <option value="">Choose…</option>
                {choices.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
              </Select>
            </Field>
            <Field id="task-assignee" label="Assignee (optional)" error={errors.assignee}>
              <Select id="task-assignee" name="assignee" defaultValue="" disabled={!deptId}>
                <option value="">Unassigned</option>
                <optgroup label="Staff of the department">
                  {(staff.data ?? []).map((s) => (
                    <option key={s.id} value={`s${s.id}`}>
                      {s.name}
                    </option>
                  ))}
                </optgroup>
                <optgroup label="Teams">
                  {(teams.data ?? []).map((t) => (
                    <option key={t.id} value={`t${t.id}`}>
                      {t.name}
                    </option>
                  ))}
                </optgroup>
              </Select>
            </Field>
            <Field id="task-due" label={`Due (${zone.replace(/_/g, " ")}, optional)`} error={errors.dueAt}>
              <Input id="task-due" name="dueAt" type="datetime-local" />
            </Field>
          </div>
          <div className="flex justify-end gap-2 border-t border-slate-100 pt-3">
            <Button onClick={onClose} disabled={create.isPending}>
              Cancel
            </Button>
            <Button type="submit" variant="primary" disabled={create.isPending}>
              {create.isPending ? "Creating…" : "Create task"}
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}

/** The task list's "New task": opens the dialog and goes to the new task. */
export function NewTaskButton({ zone, defaultDeptId }: { zone: string; defaultDeptId?: number | null }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="primary" onClick={() => setOpen(true)}>
        New task
      </Button>
      <NewTaskDialog open={open} onClose={() => setOpen(false)} zone={zone} defaultDeptId={defaultDeptId} onCreated={(t) => router.push(`/tasks/${t.id}`)} />
    </>
  );
}
