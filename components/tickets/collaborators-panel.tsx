"use client";
// The requester and the collaborators (CC'd on replies): change the requester or add a
// collaborator by searching users (name or email), make a collaborator the requester, pause
// (deactivate) or remove one.
import Link from "@/components/ui/link";
import { useState } from "react";
import { UserPicker } from "@/components/directory/user-picker";
import { Button } from "@/components/ui/button";
import { useEditTicket } from "@/lib/tickets/client";
import { useTicket } from "./ticket-context";

export function CollaboratorsPanel() {
  const { ticket, succeeded, failed } = useTicket();
  const edit = useEditTicket(ticket.id);
  const [changing, setChanging] = useState(false);
  const [error, setError] = useState("");
  const may = ticket.can.edit;

  async function change(body: Parameters<typeof edit.mutateAsync>[0]["body"], message: string) {
    setError("");
    try {
      await edit.mutateAsync({ body, version: ticket.version });
      succeeded(message);
    } catch (e) {
      setError(failed(e));
    }
  }

  return (
    <section aria-labelledby="collab-heading" className="rounded border border-slate-200 bg-white p-3">
      <h2 id="collab-heading" className="mb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">
        Requester and collaborators
      </h2>
      <div className="flex items-baseline justify-between gap-2">
        <Link href={`/users/${ticket.user.id}`} className="font-medium hover:underline">
          {ticket.user.name}
        </Link>
        {may && (
          <Button size="sm" variant="ghost" onClick={() => setChanging((c) => !c)} aria-expanded={changing}>
            {changing ? "Cancel" : "Change"}
          </Button>
        )}
      </div>
      <p className="mb-2 text-xs text-slate-600">{ticket.user.email} · requester</p>
      {may && changing && (
        <UserPicker
          id="requester-change"
          label="New requester"
          exclude={[ticket.user.id]}
          className="mb-2"
          inputClassName="h-7 py-0.5"
          onPick={(u) => void change({ userId: u.id }, `${u.name} is now the requester`).then(() => setChanging(false))}
        />
      )}
      {ticket.collaborators.length === 0 ? (
        <p className="text-slate-500">No collaborators.</p>
      ) : (
        <ul aria-label="Collaborators" className="divide-y divide-slate-100">
          {ticket.collaborators.map((c) => (
            <li key={c.userId} className="py-1.5">
              <div className="flex items-baseline justify-between gap-2">
                <span className={c.isActive ? "font-medium" : "font-medium text-slate-400 line-through"}>{c.name}</span>
                {!c.isActive && <span className="text-xs text-slate-500">paused</span>}
              </div>
              <div className="truncate text-xs text-slate-600">{c.email}</div>
              {may && (
                <div className="mt-0.5 flex flex-wrap gap-1">
                  <Button size="sm" variant="ghost" onClick={() => change({ userId: c.userId }, `${c.name} is now the requester`)}>
                    Make requester
                  </Button>
                  <Button
                    size="sm"
                    variant="ghost"
                    onClick={() => change({ collaborators: c.isActive ? { deactivate: [c.userId] } : { activate: [c.userId] } }, c.isActive ? `${c.name} paused` : `${c.name} active again`)}
                  >
                    {c.isActive ? "Pause" : "Resume"}
                  </Button>
                  <Button size="sm" variant="ghost" className="text-red-700" onClick={() => change({ collaborators: { remove: [c.userId] } }, `${c.name} removed`)} aria-label={`Remove ${c.name}`}>
                    Remove
                  </Button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {may && (
        <UserPicker
          id="collab-add"
          label="Add a collaborator"
          hideLabel
          placeholder="Add collaborator: name or email…"
          exclude={[ticket.user.id, ...ticket.collaborators.map((c) => c.userId)]}
          className="mt-2"
          inputClassName="h-7 py-0.5"
          onPick={(u) => void change({ collaborators: { add: [u.id] } }, `${u.name} added as collaborator`)}
        />
      )}
      {error && (
        <p role="alert" className="mt-1 text-xs text-red-800">
          {error}
        </p>
      )}
    </section>
  );
}
