"use client";
// The ticket's actions, shown only when the caller may use them (the server's `can` flags):
// status changes and claim/release happen at once; the others open a dialog.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ConfirmDialog } from "@/components/admin/confirm-dialog";
import { Button } from "@/components/ui/button";
import { type OpenTask, openTasksOf, useDeleteTicket, useTicketOperation } from "@/lib/tickets/client";
import { AssignDialog, ReferDialog, TransferDialog } from "./assign-dialogs";
import { EditDialog } from "./edit-dialog";
import { statusLabel } from "./labels";
import { MergeDialog } from "./merge-dialog";
import { OpenTasksDialog } from "./open-tasks-dialog";
import { useTicket } from "./ticket-context";

type DialogName = "assign" | "transfer" | "refer" | "merge" | "edit" | "delete" | null;

const OPEN = new Set(["open", "awaiting_client"]);

export function TicketToolbar() {
  const router = useRouter();
  const { ticket, succeeded, failed } = useTicket();
  const op = useTicketOperation(ticket.id);
  const del = useDeleteTicket(ticket.id);
  const [dialog, setDialog] = useState<DialogName>(null);
  const can = ticket.can;
  const isOpen = OPEN.has(ticket.status);

  // A status change refused for the ticket's open tasks: offered again with closeTasks.
  const [blocked, setBlocked] = useState<{ status: string; tasks: OpenTask[] } | null>(null);

  async function run(name: "status" | "claim" | "release" | "restore", body: Record<string, unknown>, message: string) {
    try {
      await op.mutateAsync({ op: name, body, version: ticket.version });
      succeeded(message);
    } catch (e) {
      const tasks = name === "status" ? openTasksOf(e) : null;
      if (tasks) setBlocked({ status: String(body.status), tasks });
      else failed(e, true);
    }
  }
  const setStatus = (status: string) => run("status", { status }, `Status set to ${statusLabel[status]}`);
  const busy = op.isPending;

  return (
    <div role="toolbar" aria-label="Ticket actions" className="flex flex-wrap items-center gap-1.5">
      {can.changeStatus && isOpen && (
        <>
          {ticket.status === "open" && (
            <Button size="sm" disabled={busy} onClick={() => setStatus("awaiting_client")}>
              Awaiting client
            </Button>
          )}
          <Button size="sm" disabled={busy} onClick={() => setStatus("resolved")}>
            Resolve
          </Button>
          <Button size="sm" disabled={busy} onClick={() => setStatus("closed")}>
            Close
          </Button>
        </>
      )}
      {can.changeStatus && !isOpen && ticket.status !== "deleted" && (
        <Button size="sm" disabled={busy} onClick={() => setStatus("open")}>
          Reopen
        </Button>
      )}
      <span className="mx-1 h-5 w-px bg-slate-200" aria-hidden />
      {can.claim && (
        <Button size="sm" disabled={busy} onClick={() => run("claim", {}, "You claimed the ticket")}>
          Claim
        </Button>
      )}
      {can.assign && (
        <Button size="sm" onClick={() => setDialog("assign")}>
          Assign
        </Button>
      )}
      {can.release && (
        <Button size="sm" disabled={busy} onClick={() => run("release", {}, "Assignment released")}>
          Release
        </Button>
      )}
      {can.transfer && (
        <Button size="sm" onClick={() => setDialog("transfer")}>
          Transfer
        </Button>
      )}
      {can.refer && (
        <Button size="sm" onClick={() => setDialog("refer")}>
          Refer
        </Button>
      )}
      {can.merge && (
        <Button size="sm" onClick={() => setDialog("merge")}>
          Merge
        </Button>
      )}
      {can.edit && (
        <Button size="sm" onClick={() => setDialog("edit")}>
          Edit
        </Button>
      )}
      {can.delete && (
        <Button size="sm" variant="ghost" className="text-red-700" onClick={() => setDialog("delete")}>
          Delete
        </Button>
      )}
      {can.restore && (
        <Button size="sm" disabled={busy} onClick={() => run("restore", {}, "Ticket restored")}>
          Restore
        </Button>
      )}

      {dialog === "assign" && <AssignDialog open onClose={() => setDialog(null)} />}
      {dialog === "transfer" && <TransferDialog open onClose={() => setDialog(null)} />}
      {dialog === "refer" && <ReferDialog open onClose={() => setDialog(null)} />}
      {dialog === "merge" && <MergeDialog open onClose={() => setDialog(null)} />}
      {dialog === "edit" && <EditDialog open onClose={() => setDialog(null)} />}
      {blocked && (
        <OpenTasksDialog
          tasks={blocked.tasks}
          actionLabel={`Close ${blocked.tasks.length === 1 ? "the task" : `the ${blocked.tasks.length} tasks`} too`}
          onClose={() => setBlocked(null)}
          onConfirm={async () => {
            await op.mutateAsync({ op: "status", body: { status: blocked.status, closeTasks: true }, version: ticket.version });
            const n = blocked.tasks.length;
            setBlocked(null);
            succeeded(`Status set to ${statusLabel[blocked.status]}; ${n} task${n === 1 ? "" : "s"} closed`);
          }}
        />
      )}
      <ConfirmDialog
        open={dialog === "delete"}
        title={`Delete #${ticket.number}`}
        confirmLabel="Delete ticket"
        onClose={() => setDialog(null)}
        onConfirm={async () => {
          await del.mutateAsync(ticket.version);
          router.push("/tickets");
          router.refresh();
        }}
      >
        <p>The ticket moves to the deleted tickets; an admin can restore it until it is purged.</p>
      </ConfirmDialog>
    </div>
  );
}
