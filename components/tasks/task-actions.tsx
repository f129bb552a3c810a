"use client";
// A task's actions: assign (staff of its department, a team, or nobody), transfer, close and
// reopen (with an optional comment kept as a note), and edit (title, description, due date).
// Each write sends the version the page was rendered at; a refusal shows the server's reason.
import { useRouter } from "next/navigation";
import { type ReactNode, useState } from "react";
import { isoToZoned, zonedToIso } from "@/components/tickets/zone-time";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { type DepartmentPick, type TeamPick, useCatalogList } from "@/lib/catalog/client";
import { ApiError } from "@/lib/http/client";
import { useStaffPicks } from "@/lib/staff/client";
import { useEditTask, useTaskOperation } from "@/lib/tasks/client";

export interface TaskView {
  id: number;
  title: string;
  description: string;
  status: string;
  version: number;
  deptId: number;
  staffId: number | null;
  teamId: number | null;
  dueAt: string | null;
}

type Name = "assign" | "transfer" | "close" | "reopen" | "edit" | null;

export function TaskActions({ task, zone }: { task: TaskView; zone: string }) {
  const router = useRouter();
  const op = useTaskOperation(task.id);
  const edit = useEditTask(task.id);
  const [dialog, setDialog] = useState<Name>(null);
  const [done, setDone] = useState("");
  const open = dialog !== null;
  const staff = useStaffPicks(task.deptId, dialog === "assign");
  const teams = useCatalogList<TeamPick>("teams", dialog === "assign");
  const depts = useCatalogList<DepartmentPick>("departments", dialog === "transfer");

  async function run(fn: () => Promise<unknown>, message: string) {
    await fn();
    setDialog(null);
    setDone(message);
    router.refresh();
  }

  const comment = (f: FormData) => String(f.get("comment") ?? "").trim() || undefined;
  const dialogs: Record<Exclude<Name, null>, { title: string; submit: string; body: ReactNode; onSubmit: (f: FormData) => Promise<void> }> = {
    assign: {
      title: "Assign task",
      submit: "Assign",
      body: (
        <Field id="task-assign" label="Assignee" hint="Staff of the task's department, or a team.">
          <Select id="task-assign" name="assignee" defaultValue="">
            <option value="">Choose…</option>
            <option value="none">Nobody (unassign)</option>
            <optgroup label="Staff">
              {(staff.data ?? []).map((s) => (
                <option key={s.id} value={`s${s.id}`} disabled={s.id === task.staffId}>
                  {s.name}
                </option>
              ))}
            </optgroup>
            <optgroup label="Teams">
              {(teams.data ?? []).map((t) => (
                <option key={t.id} value={`t${t.id}`} disabled={t.id === task.teamId}>
                  {t.name}
                </option>
              ))}
            </optgroup>
          </Select>
        </Field>
      ),
      onSubmit: async (f) => {
        const a = String(f.get("assignee") ?? "");
        if (!a) throw new Error("Choose an assignee");
        await run(() => op.mutateAsync({ op: "assign", body: { assignee: a === "none" ? null : a, comment: comment(f) }, version: task.version }), a === "none" ? "Task unassigned" : "Task assigned");
      },
    },
    transfer: {
      title: "Transfer task",
      submit: "Transfer",
      body: (
        <Field id="task-transfer" label="Department" hint="An assignee who does not work there is unassigned.">
          <Select id="task-transfer" name="deptId" defaultValue="">
            <option value="">Choose…</option>
            {(depts.data ?? [])
              .filter((d) => d.id !== task.deptId)
              .map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
          </Select>
        </Field>
      ),
      onSubmit: async (f) => {
        const deptId = Number(f.get("deptId"));
        if (!deptId) throw new Error("Choose a department");
        await run(() => op.mutateAsync({ op: "transfer", body: { deptId, comment: comment(f) }, version: task.version }), "Task transferred");
      },
    },
    close: { title: "Close task", submit: "Close task", body: null, onSubmit: (f) => run(() => op.mutateAsync({ op: "close", body: { comment: comment(f) }, version: task.version }), "Task closed") },
    reopen: { title: "Reopen task", submit: "Reopen task", body: null, onSubmit: (f) => run(() => op.mutateAsync({ op: "reopen", body: { comment: comment(f) }, version: task.version }), "Task reopened") },
    edit: {
      title: "Edit task",
      submit: "Save changes",
      body: (
        <>
          <Field id="task-edit-title" label="Title">
            <Input id="task-edit-title" name="title" defaultValue={task.title} maxLength={255} />
          </Field>
          <Field id="task-edit-description" label="Description">
            <Textarea id="task-edit-description" name="description" defaultValue={task.description} rows={4} />
          </Field>
          <Field id="task-edit-due" label={`Due (${zone.replace(/_/g, " ")})`} hint="Empty: no due date.">
            <Input id="task-edit-due" name="dueAt" type="datetime-local" defaultValue={task.dueAt ? isoToZoned(task.dueAt, zone) : ""} />
          </Field>
        </>
      ),
      onSubmit: async (f) => {
        const body: Record<string, unknown> = {};
        const title = String(f.get("title") ?? "").trim();
        const description = String(f.get("description") ?? "");
        const due = String(f.get("dueAt") ?? "");
        if (title !== task.title) body.title = title;
        if (description !== task.description) body.description = description;
        if (due !== (task.dueAt ? isoToZoned(task.dueAt, zone) : "")) body.dueAt = due ? zonedToIso(due, zone) : null;
        if (!Object.keys(body).length) throw new Error("Nothing has changed");
        await run(() => edit.mutateAsync({ body, version: task.version }), "Task updated");
      },
    },
  };
  const isOpen = task.status === "open";

  return (
    <div className="flex flex-wrap items-center gap-1.5" role="toolbar" aria-label="Task actions">
      {isOpen && (
        <>
          <Button size="sm" onClick={() => setDialog("assign")}>
            Assign
          </Button>
          <Button size="sm" onClick={() => setDialog("transfer")}>
            Transfer
          </Button>
          <Button size="sm" onClick={() => setDialog("close")}>
            Close
          </Button>
        </>
      )}
      {!isOpen && (
        <Button size="sm" onClick={() => setDialog("reopen")}>
          Reopen
        </Button>
      )}
      <Button size="sm" onClick={() => setDialog("edit")}>
        Edit
      </Button>
      <span role="status" aria-live="polite" data-testid="flash" className={done ? "ml-2 text-sm text-green-800" : "sr-only"}>
        {done}
      </span>
      {open && <TaskDialog key={dialog} {...dialogs[dialog]} withComment={dialog !== "edit"} onClose={() => setDialog(null)} />}
    </div>
  );
}

function TaskDialog({ title, submit, body, onSubmit, onClose, withComment }: { title: string; submit: string; body: ReactNode; onSubmit: (f: FormData) => Promise<void>; onClose: () => void; withComment: boolean }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState("");
  async function handle(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setPending(true);
    setError("");
    try {
      await onSubmit(new FormData(e.currentTarget));
    } catch (err) {
      setError(err instanceof ApiError ? (Object.values(err.errors)[0] ? `${err.message}: ${Object.values(err.errors).join("; ")}` : err.message) : err instanceof Error && !(err instanceof TypeError) ? err.message : "That did not work. Check your connection and try again.");
    } finally {
      setPending(false);
    }
  }
  return (
    <Dialog open onClose={onClose} title={title}>
      <form onSubmit={handle} className="space-y-3">
        {body}
        {withComment && (
          <Field id="task-comment" label="Comment (optional, kept as a note)">
            <Textarea id="task-comment" name="comment" rows={2} className="min-h-0" />
          </Field>
        )}
        {error && (
          <p role="alert" data-testid="action-error" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-red-800">
            {error}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <Button onClick={onClose} disabled={pending}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" disabled={pending}>
            {pending ? "Working…" : submit}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
