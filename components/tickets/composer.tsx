"use client";
// Reply (mailed to the chosen recipients, with signature) and internal note (never mailed),
// each with its own autosaved draft, attachments, canned responses and an optional status.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Select, Textarea } from "@/components/ui/field";
import { type OpenTask, openTasksOf, usePostEntry } from "@/lib/tickets/client";
import { useDraft } from "@/lib/tickets/draft-client";
import { replyOutcome } from "@/lib/tickets/reply-outcome";
import { cn } from "@/lib/utils";
import { CannedPicker, FilePicker, type Recipients, RecipientsPicker } from "./composer-parts";
import { statusLabel } from "./labels";
import { useTicket } from "./ticket-context";

type Kind = "reply" | "note";

const STATUS_CHOICES = ["open", "awaiting_client", "resolved", "closed"];

export function Composer() {
  const { ticket } = useTicket();
  const kinds = (["reply", "note"] as const).filter((k) => (k === "reply" ? ticket.can.reply : ticket.can.note));
  const [kind, setKind] = useState<Kind>(kinds[0] ?? "note");
  if (!kinds.length) return null;
  return (
    <section aria-label="Respond" className="rounded border border-slate-200 bg-white">
      <div role="tablist" aria-label="Respond" className="flex border-b border-slate-200 text-sm">
        {kinds.map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            id={`tab-${k}`}
            aria-selected={kind === k}
            aria-controls={`panel-${k}`}
            onClick={() => setKind(k)}
            className={cn("px-3 py-2 font-medium", kind === k ? (k === "note" ? "border-b-2 border-amber-500 text-amber-900" : "border-b-2 border-blue-700 text-blue-800") : "text-slate-600 hover:bg-slate-50")}
          >
            {k === "reply" ? "Reply" : "Internal note"}
          </button>
        ))}
      </div>
      {kinds.map((k) => (
        <div key={k} role="tabpanel" id={`panel-${k}`} aria-labelledby={`tab-${k}`} hidden={kind !== k}>
          <EntryForm kind={k} />
        </div>
      ))}
    </section>
  );
}

function EntryForm({ kind }: { kind: Kind }) {
  const { ticket, succeeded, failed } = useTicket();
  const draft = useDraft(`ticket.${kind}.${ticket.id}`, ticket.id);
  const post = usePostEntry(ticket.id, kind);
  const [files, setFiles] = useState<File[]>([]);
  const [status, setStatus] = useState("");
  const [signature, setSignature] = useState(true);
  const [recipients, setRecipients] = useState<Recipients>({ user: true, collaborators: ticket.collaborators.filter((c) => c.isActive).map((c) => c.userId) });
  const [error, setError] = useState("");
  // The chosen status was refused for the ticket's open tasks: offer to close them too.
  const [blocked, setBlocked] = useState<OpenTask[] | null>(null);
  const id = `${kind}-body`;

  async function submit(closeTasks = false) {
    setError("");
    setBlocked(null);
    if (!draft.value.trim()) {
      setError("Write a message first");
      return;
    }
    const fields: Record<string, unknown> = { body: draft.value, format: "text", status: status || undefined, closeTasks: closeTasks || undefined };
    if (kind === "reply") Object.assign(fields, { signature, recipients: { user: recipients.user, collaborators: recipients.collaborators } });
    try {
      // A save still on its way could land after the server consumed the draft and revive it.
      await draft.settle();
      const r = await post.mutateAsync({ fields, files, version: ticket.version });
      draft.discard();
      setFiles([]);
      setStatus("");
      const dropped = r.dropped.length ? ` (not attached: ${r.dropped.map((d) => d.name).join(", ")})` : "";
      succeeded(kind === "reply" ? `${replyOutcome(r.mail)}${dropped}` : `Internal note added${dropped}`);
    } catch (e) {
      const tasks = openTasksOf(e);
      if (tasks) setBlocked(tasks);
      else setError(failed(e));
    }
  }

  return (
    <form
      className="space-y-2 p-3"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      {kind === "reply" && <RecipientsPicker user={ticket.user} collaborators={ticket.collaborators} value={recipients} onChange={setRecipients} />}
      <label htmlFor={id} className="sr-only">
        {kind === "reply" ? "Reply" : "Internal note"}
      </label>
      <Textarea
        id={id}
        value={draft.value}
        onChange={(e) => draft.change(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void submit();
          }
        }}
        rows={6}
        placeholder={kind === "reply" ? "Write a reply to the client…" : "Write a note for staff only (@name mentions a colleague)…"}
        className={cn("font-[inherit]", kind === "note" && "bg-amber-50/40")}
      />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <CannedPicker tid={ticket.id} deptId={ticket.deptId} onInsert={(text) => draft.change(draft.value ? `${draft.value.trimEnd()}\n\n${text}` : text)} />
        <span className="text-xs text-slate-500" aria-live="polite" data-testid={`${kind}-draft-state`}>
          {draft.state === "local" ? "Draft kept on this device only (not saved to the server yet)" : draft.state === "saving" ? "Saving draft…" : draft.savedAt ? "Draft saved" : ""}
        </span>
      </div>
      <FilePicker id={`${kind}-files`} files={files} onChange={setFiles} />
      {blocked && (
        <div role="alert" data-testid="open-tasks-notice" className="space-y-1 rounded border border-amber-200 bg-amber-50 px-3 py-2 text-amber-900">
          <p>
            The ticket cannot become {statusLabel[status] ?? status} while {blocked.length === 1 ? "this task is" : "these tasks are"} open: {blocked.map((t) => `“${t.title}”`).join(", ")}.
          </p>
          <Button size="sm" onClick={() => void submit(true)} disabled={post.isPending}>
            {kind === "reply" ? "Send" : "Add"} and close {blocked.length === 1 ? "the task" : "the tasks"}
          </Button>
        </div>
      )}
      {error && (
        <p role="alert" data-testid="composer-error" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-red-800">
          {error}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-3 border-t border-slate-100 pt-2">
        {kind === "reply" && (
          <label className="flex items-center gap-1 text-xs">
            <input type="checkbox" checked={signature} onChange={(e) => setSignature(e.target.checked)} /> Signature
          </label>
        )}
        <label htmlFor={`${kind}-status`} className="text-xs text-slate-600">
          Then set status
        </label>
        <Select id={`${kind}-status`} value={status} onChange={(e) => setStatus(e.target.value)} className="h-7 w-44 py-0.5 text-xs">
          <option value="">Keep ({statusLabel[ticket.status] ?? ticket.status})</option>
          {STATUS_CHOICES.filter((s) => s !== ticket.status).map((s) => (
            <option key={s} value={s}>
              {statusLabel[s]}
            </option>
          ))}
        </Select>
        <Button type="submit" variant="primary" className={cn("ml-auto", kind === "note" && "bg-amber-700 hover:bg-amber-800")} disabled={post.isPending}>
          {post.isPending ? "Posting…" : kind === "reply" ? "Send reply" : "Add note"}
        </Button>
      </div>
    </form>
  );
}
