"use client";
// The user page's actions: edit, delete (refused while they own tickets: the reason is shown,
// and admins may delete the tickets with them), and opening a ticket on their behalf; plus the
// list's "New user" button.
import Link from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ApiError } from "@/lib/http/client";
import { useUserMutations } from "@/lib/users/client";
import { type EditableUser, UserForm } from "./user-form";

export function NewUserButton() {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="primary" onClick={() => setOpen(true)}>
        New user
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title="New user" className="max-w-2xl">
        {open && <UserForm onCancel={() => setOpen(false)} onDone={(u) => router.push(`/users/${u.id}`)} />}
      </Dialog>
    </>
  );
}

export function UserActions({ user, can }: { user: EditableUser; can: { edit: boolean; delete: boolean; purge: boolean; openTicket: boolean } }) {
  const router = useRouter();
  const { remove } = useUserMutations();
  const [dialog, setDialog] = useState<"edit" | "delete" | null>(null);
  const [refusal, setRefusal] = useState<{ message: string; tickets: number } | null>(null);
  const [withTickets, setWithTickets] = useState(false);
  const [error, setError] = useState("");
  const [done, setDone] = useState("");

  const close = () => {
    setDialog(null);
    setRefusal(null);
    setWithTickets(false);
    setError("");
  };

  async function del() {
    setError("");
    try {
      await remove.mutateAsync({ id: user.id, withTickets });
      router.push(`/users?deleted=${encodeURIComponent(user.name)}`);
      router.refresh();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        const owned = Number((e.data as { tickets?: number } | undefined)?.tickets ?? 0);
        setRefusal({ message: e.message, tickets: owned });
      } else setError(e instanceof ApiError ? e.message : "The user could not be deleted. Try again.");
    }
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      {can.openTicket && (
        <Link href={`/tickets/new?userId=${user.id}`} className="inline-flex h-8 items-center rounded bg-blue-700 px-3 font-medium text-white hover:bg-blue-800">
          New ticket for this user
        </Link>
      )}
      {can.edit && <Button onClick={() => setDialog("edit")}>Edit</Button>}
      {can.delete && (
        <Button variant="ghost" className="text-red-700" onClick={() => setDialog("delete")}>
          Delete
        </Button>
      )}
      <span role="status" aria-live="polite" data-testid="flash" className={done ? "text-sm text-green-800" : "sr-only"}>
        {done}
      </span>

      <Dialog open={dialog === "edit"} onClose={close} title={`Edit ${user.name}`} className="max-w-2xl">
        {dialog === "edit" && (
          <UserForm
            user={user}
            onCancel={close}
            onDone={(_u, message) => {
              close();
              setDone(message);
              router.refresh();
            }}
          />
        )}
      </Dialog>
      <Dialog open={dialog === "delete"} onClose={close} title={`Delete ${user.name}`}>
        <div className="space-y-3">
          {!refusal ? (
            <p>The user and their contact details are removed. A user who still owns tickets cannot be deleted.</p>
          ) : (
            <div role="alert" data-testid="delete-refused" className="space-y-2 rounded border border-amber-200 bg-amber-50 px-3 py-2 text-amber-900">
              <p className="font-medium">
                {user.name} still owns {refusal.tickets} ticket{refusal.tickets === 1 ? "" : "s"}, so they cannot be deleted.
              </p>
              <p className="text-sm">Make someone else the requester of those tickets first (on each ticket: Requester and collaborators).</p>
              {can.purge && (
                <label className="flex items-start gap-2 text-sm">
                  <input type="checkbox" checked={withTickets} onChange={(e) => setWithTickets(e.target.checked)} className="mt-0.5" />
                  Delete their {refusal.tickets} ticket{refusal.tickets === 1 ? "" : "s"} for good as well (cannot be undone)
                </label>
              )}
            </div>
          )}
          {error && (
            <p role="alert" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-red-800">
              {error}
            </p>
          )}
          <div className="flex justify-end gap-2">
            <Button onClick={close} disabled={remove.isPending}>
              Cancel
            </Button>
            <Button variant="danger" onClick={del} disabled={remove.isPending || (!!refusal && !withTickets)}>
              {remove.isPending ? "Deleting…" : withTickets ? "Delete user and tickets" : "Delete user"}
            </Button>
          </div>
        </div>
      </Dialog>
    </div>
  );
}
