// The ticket's tasks in the side column (open first): each links to its page; "New task" opens
// the task dialog with this ticket linked. Open tasks keep the ticket from closing.
import Link from "@/components/ui/link";
import { taskStatusLabel, taskStatusTone } from "@/components/tasks/labels";
import { assigneeName } from "@/components/tasks/task-table";
import { Badge } from "@/components/ui/badge";
import { Time } from "@/components/ui/time";
import type { TicketDetail } from "@/lib/tickets";
import { NewTicketTaskButton } from "./ticket-task-button";

export function TicketTasks({ ticket: t, zone, canCreate }: { ticket: TicketDetail; zone: string; canCreate: boolean }) {
  const open = t.tasks.filter((x) => x.status === "open").length;
  return (
    <section aria-labelledby="tasks-heading" className="rounded border border-slate-200 bg-white p-3">
      <div className="mb-2 flex items-center justify-between gap-2">
        <h2 id="tasks-heading" className="text-xs font-semibold tracking-wide text-slate-500 uppercase">
          Tasks ({open} open)
        </h2>
        {canCreate && <NewTicketTaskButton />}
      </div>
      {t.tasks.length === 0 ? (
        <p className="text-slate-500">No tasks.</p>
      ) : (
        <ul aria-label="Tasks of this ticket" className="divide-y divide-slate-100">
          {t.tasks.map((task) => (
            <li key={task.id} className="py-1.5">
              <div className="flex items-start justify-between gap-2">
                <Link href={`/tasks/${task.id}`} className={task.status === "open" ? "font-medium text-blue-800 hover:underline" : "text-slate-500 hover:underline"}>
                  {task.title}
                </Link>
                <Badge tone={taskStatusTone[task.status]}>{taskStatusLabel[task.status] ?? task.status}</Badge>
              </div>
              <div className="text-xs text-slate-600">
                {task.department.name} · {assigneeName(task.assignee) ?? "unassigned"}
                {task.dueAt && (
                  <>
                    {" "}
                    · due <Time value={task.dueAt} zone={zone} />
                  </>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {t.tasks.length > 0 && (
        <Link href={`/tasks?ticket=${t.number}&status=all`} className="mt-1 inline-block text-xs text-blue-800 hover:underline">
          All tasks of this ticket
        </Link>
      )}
    </section>
  );
}
