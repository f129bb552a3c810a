// The task list's table: title, linked ticket (only when the viewer may see it), department,
// assignee, due date (overdue flagged), status, last change.
import Link from "@/components/ui/link";
import { Table, Td, Th, Tr } from "@/components/admin/table";
import { Badge } from "@/components/ui/badge";
import { Time } from "@/components/ui/time";
import type { TaskItem } from "@/lib/tasks";
import { taskStatusLabel, taskStatusTone } from "./labels";

export function assigneeName(a: { staff: { name: string } | null; team: { name: string } | null }) {
  return a.staff?.name ?? (a.team ? `${a.team.name} (team)` : null);
}

export function TaskTable({ tasks, zone }: { tasks: TaskItem[]; zone: string }) {
  return (
    <Table label="Tasks">
      <thead>
        <tr>
          <Th>Task</Th>
          <Th className="hidden md:table-cell">Ticket</Th>
          <Th className="hidden lg:table-cell">Department</Th>
          <Th>Assignee</Th>
          <Th>Due</Th>
          <Th>Status</Th>
          <Th className="hidden lg:table-cell">Updated</Th>
        </tr>
      </thead>
      <tbody>
        {tasks.map((t) => (
          <Tr key={t.id}>
            <Td>
              <Link href={`/tasks/${t.id}`} className="font-medium text-slate-900 hover:underline">
                {t.title}
              </Link>
              <div className="text-xs text-slate-500">Task {t.id}</div>
            </Td>
            <Td className="hidden font-mono whitespace-nowrap md:table-cell">
              {t.ticket ? (
                <Link href={`/tickets/${t.ticket.id}`} className="text-blue-800 hover:underline" title={t.ticket.subject}>
                  #{t.ticket.number}
                </Link>
              ) : (
                <span className="text-slate-400">—</span>
              )}
            </Td>
            <Td className="hidden lg:table-cell">{t.department.name}</Td>
            <Td>{assigneeName(t.assignee) ?? <span className="text-slate-400">Unassigned</span>}</Td>
            <Td>
              <Time value={t.dueAt} zone={zone} />
              {t.isOverdue && (
                <Badge tone="red" className="ml-1">
                  Overdue
                </Badge>
              )}
            </Td>
            <Td>
              <Badge tone={taskStatusTone[t.status]}>{taskStatusLabel[t.status] ?? t.status}</Badge>
            </Td>
            <Td className="hidden lg:table-cell">
              <Time value={t.updatedAt} zone={zone} />
            </Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
