// Mass actions on up to 500 tickets. Each ticket is its own transaction and gets its own
// result (ok, or the status and reason), so one bad ticket never fails the batch; merge and
// link are the exception: one atomic operation, all or nothing.
import type { Db } from "@/db/client";
import { type Permission, can } from "@/lib/auth";
import { AppError, toAppError } from "@/lib/http/errors";
import type { Actor } from "./actor";
import { assignTicket, claimTicket, releaseTicket } from "./assign";
import { deleteTicket } from "./delete";
import type { TicketRow } from "./lock";
import { mergeTickets } from "./merge";
import type { MassInput } from "./schemas";
import { changeTicketStatus } from "./status";
import { transferTicket } from "./transfer";

export interface MassResult {
  tid: number;
  ok: boolean;
  status: number;
  message: string;
  version?: number;
}

const permissionFor: Record<MassInput["action"], Permission> = {
  status: "tickets.status",
  assign: "tickets.assign",
  release: "tickets.release",
  transfer: "tickets.transfer",
  claim: "tickets.claim",
  merge: "tickets.merge",
  link: "tickets.merge",
  delete: "tickets.delete",
};

/** Parallel per-ticket transactions, a few at a time (the pool is shared with other requests). */
const CONCURRENCY = 4;

function runOne(db: Db, actor: Actor, input: Exclude<MassInput, { action: "merge" | "link" }>, tid: number): Promise<TicketRow> {
  switch (input.action) {
    case "status":
      return changeTicketStatus(db, actor, tid, { status: input.status, comment: input.comment, closeTasks: input.closeTasks }).then((r) => r.ticket);
    case "assign":
      return assignTicket(db, actor, tid, { assignee: input.assignee, comment: input.comment });
    case "release":
      return releaseTicket(db, actor, tid, { staff: input.staff ?? input.team === undefined, team: input.team ?? input.staff === undefined, comment: input.comment });
    case "transfer":
      return transferTicket(db, actor, tid, { deptId: input.deptId, refer: input.refer, comment: input.comment });
    case "claim":
      return claimTicket(db, actor, tid);
    case "delete":
      return deleteTicket(db, actor, tid);
  }
}

export async function massAction(db: Db, actor: Actor, input: MassInput) {
  if (!can(actor, permissionFor[input.action])) throw new AppError("forbidden", `You do not have the permission ${permissionFor[input.action]}`);
  const tids = [...new Set(input.tids)];
  if (input.action === "merge" || input.action === "link") {
    // Checked after removing repeats: [65, 65] is one ticket, and the parent is one of those selected.
    if (tids.length < 2) throw AppError.fields({ tids: "Select at least two different tickets" });
    if (input.parent !== undefined && !tids.includes(input.parent)) throw AppError.fields({ parent: "must be one of the selected tickets (tids)" });
    const parent = input.parent ?? tids[0];
    const children = tids.filter((t) => t !== parent);
    const mode = input.action === "link" ? "link" : input.mode;
    const defaults = { childStatus: "closed" as const, participants: "user" as const };
    const opts = input.action === "merge" ? { childStatus: input.childStatus, participants: input.participants } : defaults;
    const merged = await mergeTickets(db, actor, parent, { tids: children, mode, ...opts });
    const results: MassResult[] = [parent, ...children].map((tid) => ({ tid, ok: true, status: 200, message: tid === parent ? "Parent" : "Merged" }));
    return { action: input.action, parent, results, succeeded: results.length, failed: 0, version: merged.ticket.version };
  }
  const results: MassResult[] = new Array(tids.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < tids.length; i = next++) {
      try {
        const row = await runOne(db, actor, input, tids[i]);
        results[i] = { tid: tids[i], ok: true, status: 200, message: "OK", version: row.version };
      } catch (e) {
        const err = toAppError(e);
        results[i] = { tid: tids[i], ok: false, status: err.status, message: err.message };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, tids.length) }, worker));
  const succeeded = results.filter((r) => r.ok).length;
  return { action: input.action, results, succeeded, failed: results.length - succeeded };
}
