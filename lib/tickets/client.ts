// Browser hooks for the ticket view and the new-ticket form: query keys, reads (version poll,
// lookup by number) and every ticket operation. Writes send the version the page rendered as
// If-Match, so a change made meanwhile by someone else answers 409 instead of being overwritten.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError, apiFetch } from "@/lib/http/client";
import type { TicketListItem } from "./lookup";
import type { ReplyMail } from "./reply-outcome";
import type { EditTicketInput } from "./schemas";

export const ticketKeys = {
  all: ["tickets"] as const,
  detail: (tid: number) => ["tickets", tid] as const,
  version: (tid: number) => ["tickets", tid, "version"] as const,
  lookup: (number: string) => ["tickets", "lookup", number] as const,
};

export interface TicketSummary {
  id: number;
  number: string;
  subject: string;
  status: string;
  version: number;
}

export interface TicketVersion {
  id: number;
  version: number;
  status: string;
  updatedAt: string;
  changes: { action: string; by: string; at: string }[];
}

export type TicketLookup = Omit<TicketListItem, "createdAt" | "updatedAt" | "dueAt"> & { createdAt: string; updatedAt: string; dueAt: string | null };

export interface OpenTask {
  id: number;
  title: string;
}

/** The open tasks named by a 409 refusing to close the ticket (send `closeTasks: true` to close them with it); null for any other error. */
export function openTasksOf(e: unknown): OpenTask[] | null {
  if (!(e instanceof ApiError) || e.status !== 409) return null;
  const tasks = (e.data as { tasks?: unknown } | null | undefined)?.tasks;
  return Array.isArray(tasks) ? (tasks as OpenTask[]) : null;
}

const ifMatch = (version: number | undefined): Record<string, string> => (version ? { "if-match": `"${version}"` } : {});

export function lookupTicketByNumber(number: string) {
  return apiFetch<TicketLookup>("/api/staff/tickets/lookup", { query: { number } });
}

/** A ticket found by number, for the merge picker (null: nothing typed yet). */
export function useTicketLookup(number: string | null) {
  return useQuery({ queryKey: ticketKeys.lookup(number ?? ""), queryFn: () => lookupTicketByNumber(number!), enabled: !!number, staleTime: 10_000 });
}

/** Polls the ticket's version every 20 s (and when the tab regains focus). */
export function useTicketVersion(tid: number, since: string) {
  return useQuery({
    queryKey: [...ticketKeys.version(tid), since],
    queryFn: () => apiFetch<TicketVersion>(`/api/staff/tickets/${tid}/version`, { query: { since } }),
    refetchInterval: 20_000,
    refetchOnWindowFocus: true,
    staleTime: 0,
  });
}

export type TicketOperation = "status" | "assign" | "claim" | "release" | "transfer" | "refer" | "merge" | "restore";

/** One of the POST /tickets/{tid}/<op> operations. */
export function useTicketOperation(tid: number) {
  return useMutation({
    mutationFn: ({ op, body, version }: { op: TicketOperation; body?: Record<string, unknown>; version?: number }) =>
      apiFetch<TicketSummary>(`/api/staff/tickets/${tid}/${op}`, { method: "POST", body: body ?? {}, headers: ifMatch(version) }),
  });
}

export function useEditTicket(tid: number) {
  return useMutation({
    mutationFn: ({ body, version }: { body: Omit<EditTicketInput, "expectedVersion">; version?: number }) =>
      apiFetch<TicketSummary & { changed: string[] }>(`/api/staff/tickets/${tid}`, { method: "PATCH", body, headers: ifMatch(version) }),
  });
}

export function useDeleteTicket(tid: number) {
  return useMutation({ mutationFn: (version?: number) => apiFetch<TicketSummary>(`/api/staff/tickets/${tid}`, { method: "DELETE", headers: ifMatch(version) }) });
}

export interface PostedEntry {
  ticket: TicketSummary;
  entry: { id: number; type: string };
  dropped: { name: string; reason: string }[];
  mail?: ReplyMail;
}

/** Reply or internal note, as a multipart form so files can ride along. */
export function usePostEntry(tid: number, kind: "reply" | "note") {
  return useMutation({
    mutationFn: ({ fields, files, version }: { fields: Record<string, unknown>; files: File[]; version?: number }) =>
      apiFetch<PostedEntry>(`/api/staff/tickets/${tid}/${kind}`, { method: "POST", body: toForm(fields, files), headers: ifMatch(version) }),
  });
}

export function useOpenTicket() {
  return useMutation({
    mutationFn: ({ fields, files }: { fields: Record<string, unknown>; files: File[] }) =>
      apiFetch<TicketSummary & { user: { id: number; email: string; created?: boolean } }>("/api/staff/tickets", { method: "POST", body: toForm(fields, files) }),
  });
}

function toForm(fields: Record<string, unknown>, files: File[]): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined || v === null || v === "") continue;
    form.set(k, typeof v === "object" ? JSON.stringify(v) : String(v));
  }
  for (const f of files) form.append("files", f, f.name);
  return form;
}

/** Merge `tids` into `parentId` (POST /tickets/{parentId}/merge); `version` guards the parent. */
export function useMergeTickets() {
  return useMutation({
    mutationFn: ({ parentId, tids, mode, version }: { parentId: number; tids: number[]; mode: "combine" | "separate" | "link"; version?: number }) =>
      apiFetch<TicketSummary>(`/api/staff/tickets/${parentId}/merge`, { method: "POST", body: { tids, mode }, headers: ifMatch(version) }),
  });
}

export type MassActionInput =
  | { action: "status"; tids: number[]; status: string; comment?: string }
  | { action: "assign"; tids: number[]; assignee: string; comment?: string }
  | { action: "transfer"; tids: number[]; deptId: number; comment?: string }
  | { action: "claim"; tids: number[] }
  | { action: "merge"; tids: number[]; parent: number; mode: "combine" | "separate" }
  | { action: "delete"; tids: number[] };

export interface MassActionResult {
  action: string;
  results: { tid: number; ok: boolean; status: number; message: string }[];
  succeeded: number;
  failed: number;
}

/** POST /tickets/mass: one result per ticket; afterwards every list and count is refetched. */
export function useMassAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: MassActionInput) => apiFetch<MassActionResult>("/api/staff/tickets/mass", { method: "POST", body }),
    onSettled: () => Promise.all([qc.invalidateQueries({ queryKey: ["queues"] }), qc.invalidateQueries({ queryKey: ["search"] })]),
  });
}
