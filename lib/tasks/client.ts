// Browser hooks for tasks: create (from the task list or a ticket) and every operation on one
// task. Writes send the version the page rendered as If-Match, as the ticket view does.
import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "@/lib/http/client";

export interface TaskSummary {
  id: number;
  title: string;
  status: "open" | "closed";
  ticketId: number | null;
  version: number;
}

export const taskKeys = { all: ["tasks"] as const, detail: (id: number) => ["tasks", id] as const };

export type TaskOperation = "assign" | "transfer" | "close" | "reopen" | "note";

const ifMatch = (version: number | undefined): Record<string, string> => (version ? { "if-match": `"${version}"` } : {});

/** What POST /tasks takes on the wire (assignee "s<id>"/"t<id>", dueAt an ISO string). */
export interface NewTaskBody {
  title: string;
  description?: string;
  deptId: number;
  ticketId?: number;
  assignee?: string;
  dueAt?: string;
}

export function useCreateTask() {
  return useMutation({ mutationFn: (body: NewTaskBody) => apiFetch<TaskSummary>("/api/staff/tasks", { method: "POST", body }) });
}

/** POST /tasks/{id}/<op>; notes are appended whatever the version. */
export function useTaskOperation(id: number) {
  return useMutation({
    mutationFn: ({ op, body, version }: { op: TaskOperation; body?: Record<string, unknown>; version?: number }) =>
      apiFetch<TaskSummary>(`/api/staff/tasks/${id}/${op}`, { method: "POST", body: body ?? {}, headers: op === "note" ? {} : ifMatch(version) }),
  });
}

export function useEditTask(id: number) {
  return useMutation({
    mutationFn: ({ body, version }: { body: Record<string, unknown>; version?: number }) =>
      apiFetch<TaskSummary & { changed: string[] }>(`/api/staff/tasks/${id}`, { method: "PUT", body, headers: ifMatch(version) }),
  });
}
