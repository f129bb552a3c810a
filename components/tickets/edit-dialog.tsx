"use client";
// Edit the ticket's fields: subject, priority, help topic and due date (in the staff member's
// time zone). Only what changed is sent; the server records one event listing the fields.
import { useState } from "react";
import { Field, Input, Select } from "@/components/ui/field";
import { type PriorityPick, type TopicPick, useCatalogList } from "@/lib/catalog/client";
import { useEditTicket } from "@/lib/tickets/client";
import { ActionDialog } from "./action-dialog";
import { useTicket } from "./ticket-context";
import { isoToZoned, zonedToIso } from "./zone-time";

export function EditDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { ticket } = useTicket();
  const priorities = useCatalogList<PriorityPick>("priorities", open);
  const topics = useCatalogList<TopicPick>("topics", open);
  const edit = useEditTicket(ticket.id);
  const initialDue = ticket.dueAt ? isoToZoned(ticket.dueAt, ticket.zone) : "";
  const [subject, setSubject] = useState(ticket.subject);
  const [priorityId, setPriorityId] = useState(String(ticket.priorityId));
  const [topicId, setTopicId] = useState(ticket.topicId ? String(ticket.topicId) : "");
  const [due, setDue] = useState(initialDue);

  return (
    <ActionDialog
      open={open}
      onClose={onClose}
      title={`Edit #${ticket.number}`}
      submitLabel="Save changes"
      withComment={false}
      onSubmit={async () => {
        const body: Record<string, unknown> = {};
        if (subject.trim() !== ticket.subject) body.subject = subject;
        if (Number(priorityId) !== ticket.priorityId) body.priorityId = Number(priorityId);
        if ((topicId ? Number(topicId) : null) !== ticket.topicId) body.topicId = topicId ? Number(topicId) : null;
        if (due !== initialDue) body.dueAt = due ? zonedToIso(due, ticket.zone) : null;
        if (!Object.keys(body).length) return "Nothing changed";
        const r = await edit.mutateAsync({ body, version: ticket.version });
        return r.changed.length ? `Updated ${r.changed.join(", ").replace(/Id\b/g, "").replace("dueAt", "due date")}` : "Nothing changed";
      }}
    >
      <Field id="edit-subject" label="Subject">
        <Input id="edit-subject" value={subject} maxLength={255} onChange={(e) => setSubject(e.target.value)} />
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="edit-priority" label="Priority">
          <Select id="edit-priority" value={priorityId} onChange={(e) => setPriorityId(e.target.value)}>
            {!priorities.data && <option value={priorityId}>Loading…</option>}
            {(priorities.data ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="edit-topic" label="Help topic">
          <Select id="edit-topic" value={topicId} onChange={(e) => setTopicId(e.target.value)}>
            <option value="">None</option>
            {(topics.data ?? []).map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field id="edit-due" label={`Due date (${ticket.zone.replace(/_/g, " ")})`} hint="Empty: no due date. Changing it clears the overdue flag.">
        <Input id="edit-due" type="datetime-local" value={due} onChange={(e) => setDue(e.target.value)} />
      </Field>
    </ActionDialog>
  );
}
