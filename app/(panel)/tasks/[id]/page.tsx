// /tasks/<id>: the task (department, assignee, due date, linked ticket), its description, its
// thread of notes and its events, with the actions and the note form.
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getDb } from "@/db/client";
import { taskStatusLabel, taskStatusTone, describeTaskEvent } from "@/components/tasks/labels";
import { TaskActions } from "@/components/tasks/task-actions";
import { TaskNoteForm } from "@/components/tasks/task-note-form";
import { assigneeName } from "@/components/tasks/task-table";
import { Badge } from "@/components/ui/badge";
import { Fact } from "@/components/ui/fact";
import { Time } from "@/components/ui/time";
import { listDepartments } from "@/lib/catalog";
import { loadTask } from "./load";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { task } = await loadTask(await params);
  return { title: `Task ${task.id}: ${task.title}` };
}

const h2 = "mb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase";

export default async function TaskPage({ params }: Props) {
  const { staff, task } = await loadTask(await params);
  const zone = staff.timezone;
  const depts = await listDepartments(await getDb(), staff);
  const deptName = (id: number) => depts.items.find((d) => d.id === id)?.name;
  return (
    <section className="mx-auto max-w-6xl space-y-4">
      <div>
        <Link href="/tasks" className="text-sm text-blue-800 hover:underline">
          ← Tasks
        </Link>
        <div className="mt-1 flex flex-wrap items-center gap-2">
          <h1 className="text-lg font-semibold text-slate-900">{task.title}</h1>
          <Badge tone={taskStatusTone[task.status]}>
            <span data-testid="task-status">{taskStatusLabel[task.status] ?? task.status}</span>
          </Badge>
          {task.isOverdue && <Badge tone="red">Overdue</Badge>}
        </div>
        <p className="text-sm text-slate-600">
          Task {task.id} · created by {task.createdBy?.name ?? "System"} <Time value={task.createdAt} zone={zone} />
        </p>
      </div>
      <dl className="grid gap-x-6 gap-y-3 rounded border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4" aria-label="Task details">
        <Fact label="Department">{task.department.name}</Fact>
        <Fact label="Assignee">
          <span data-testid="task-assignee">{assigneeName(task.assignee) ?? "Unassigned"}</span>
        </Fact>
        <Fact label="Due">
          <Time value={task.dueAt} zone={zone} empty="No due date" />
        </Fact>
        <Fact label="Ticket">
          {task.ticket ? (
            <Link href={`/tickets/${task.ticket.id}`} className="text-blue-800 hover:underline">
              #{task.ticket.number} {task.ticket.subject}
            </Link>
          ) : (
            <span className="text-slate-400">None</span>
          )}
        </Fact>
      </dl>
      <TaskActions
        task={{ id: task.id, title: task.title, description: task.description, status: task.status, version: task.version, deptId: task.department.id, staffId: task.assignee.staff?.id ?? null, teamId: task.assignee.team?.id ?? null, dueAt: task.dueAt?.toISOString() ?? null }}
        zone={zone}
      />
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-3">
          <section aria-labelledby="task-desc" className="rounded border border-slate-200 bg-white p-3">
            <h2 id="task-desc" className={h2}>
              Description
            </h2>
            {task.description ? <p className="whitespace-pre-wrap">{task.description}</p> : <p className="text-slate-500">No description.</p>}
          </section>
          <section aria-labelledby="task-thread" className="space-y-2">
            <h2 id="task-thread" className={h2}>
              Notes ({task.thread.length})
            </h2>
            {task.thread.length === 0 && <p className="text-slate-500">No notes yet.</p>}
            {task.thread.map((n) => (
              <article key={n.id} data-testid="task-note" className="rounded border border-amber-200 bg-amber-50/50 p-3">
                <header className="mb-1 flex flex-wrap justify-between gap-2 text-xs text-slate-600">
                  <span className="font-medium text-slate-800">{n.staff?.name ?? "System"}</span>
                  <Time value={n.createdAt} zone={zone} />
                </header>
                <p className="whitespace-pre-wrap">{n.bodyText}</p>
              </article>
            ))}
          </section>
          <TaskNoteForm taskId={task.id} />
        </div>
        <aside aria-label="Task history" className="rounded border border-slate-200 bg-white p-3">
          <h2 className={h2}>History ({task.events.length})</h2>
          <ol className="max-h-96 space-y-1.5 overflow-y-auto text-xs" data-testid="task-events">
            {[...task.events].reverse().map((e) => (
              <li key={e.id} className="border-l-2 border-slate-200 pl-2">
                <span className="font-medium text-slate-800">{e.staff?.name ?? "System"}</span> {describeTaskEvent(e, deptName)}
                <div className="text-slate-500">
                  <Time value={e.createdAt} zone={zone} />
                </div>
              </li>
            ))}
          </ol>
        </aside>
      </div>
    </section>
  );
}
