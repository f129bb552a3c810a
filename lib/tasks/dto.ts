// Task rows -> API shapes. The linked ticket is shown only when the caller may see it.
import type { TaskRow } from "./lock";

export function toTaskSummary(t: TaskRow) {
  return {
    id: t.id,
    title: t.title,
    status: t.status,
    ticketId: t.ticketId,
    deptId: t.deptId,
    staffId: t.staffId,
    teamId: t.teamId,
    dueAt: t.dueAt,
    version: t.version,
    updatedAt: t.updatedAt,
    closedAt: t.closedAt,
  };
}

export interface TaskJoined {
  task: TaskRow;
  department: { id: number; name: string };
  staff: { id: number; name: string } | null;
  team: { id: number; name: string } | null;
  ticket: { id: number; number: string; subject: string; status: string } | null;
  createdBy: { id: number; name: string } | null;
  closedBy: { id: number; name: string } | null;
}

export function toTaskItem(r: TaskJoined, now = new Date()) {
  const t = r.task;
  return {
    id: t.id,
    title: t.title,
    status: t.status,
    ticket: r.ticket,
    department: r.department,
    assignee: { staff: r.staff, team: r.team },
    dueAt: t.dueAt,
    isOverdue: t.status === "open" && !!t.dueAt && t.dueAt < now,
    createdBy: r.createdBy,
    closedBy: r.closedBy,
    version: t.version,
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
    closedAt: t.closedAt,
  };
}
export type TaskItem = ReturnType<typeof toTaskItem>;
