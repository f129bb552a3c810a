"use client";
// Assign (to a colleague of the ticket's department or a team), transfer (to a department the
// caller works in) and refer (give a person, team or department access without moving it).
import { useState } from "react";
import { Field, Select } from "@/components/ui/field";
import { type DepartmentPick, type TeamPick, useCatalogList } from "@/lib/catalog/client";
import { useStaffPicks } from "@/lib/staff/client";
import { useTicketOperation } from "@/lib/tickets/client";
import { ActionDialog } from "./action-dialog";
import { useTicket } from "./ticket-context";

interface Props {
  open: boolean;
  onClose: () => void;
}

const optionName = (el: HTMLSelectElement) => el.selectedOptions[0]?.text ?? "";

export function AssignDialog({ open, onClose }: Props) {
  const { ticket } = useTicket();
  const staff = useStaffPicks(ticket.deptId, open);
  const teams = useCatalogList<TeamPick>("teams", open);
  const op = useTicketOperation(ticket.id);
  const [target, setTarget] = useState("");
  const [label, setLabel] = useState("");
  return (
    <ActionDialog
      open={open}
      onClose={onClose}
      title={`Assign #${ticket.number}`}
      submitLabel="Assign"
      disabled={!target}
      onSubmit={async (comment) => {
        await op.mutateAsync({ op: "assign", body: { assignee: target, comment }, version: ticket.version });
        return `Assigned to ${label}`;
      }}
    >
      <Field id="assignee" label="Assignee" hint={staff.isLoading || teams.isLoading ? "Loading…" : "Staff of the ticket's department, or a team."}>
        <Select
          id="assignee"
          value={target}
          onChange={(e) => {
            setTarget(e.target.value);
            setLabel(optionName(e.target));
          }}
        >
          <option value="">Choose…</option>
          <optgroup label="Staff">
            {(staff.data ?? []).map((s) => (
              <option key={s.id} value={`s${s.id}`} disabled={s.id === ticket.staffId}>
                {s.name}
                {s.id === ticket.meId ? " (me)" : ""}
              </option>
            ))}
          </optgroup>
          <optgroup label="Teams">
            {(teams.data ?? []).map((t) => (
              <option key={t.id} value={`t${t.id}`} disabled={t.id === ticket.teamId}>
                {t.name}
              </option>
            ))}
          </optgroup>
        </Select>
      </Field>
    </ActionDialog>
  );
}

export function TransferDialog({ open, onClose }: Props) {
  const { ticket } = useTicket();
  const depts = useCatalogList<DepartmentPick>("departments", open);
  const op = useTicketOperation(ticket.id);
  const [deptId, setDeptId] = useState("");
  const [refer, setRefer] = useState(false);
  const choices = (depts.data ?? []).filter((d) => d.id !== ticket.deptId && d.isMember);
  const name = choices.find((d) => String(d.id) === deptId)?.name ?? "";
  return (
    <ActionDialog
      open={open}
      onClose={onClose}
      title={`Transfer #${ticket.number}`}
      submitLabel="Transfer"
      disabled={!deptId}
      onSubmit={async (comment) => {
        await op.mutateAsync({ op: "transfer", body: { deptId: Number(deptId), refer, comment }, version: ticket.version });
        return `Transferred to ${name}`;
      }}
    >
      <Field id="transfer-dept" label="Department" hint={depts.isLoading ? "Loading…" : choices.length ? "Departments you work in." : "You work in no other department."}>
        <Select id="transfer-dept" value={deptId} onChange={(e) => setDeptId(e.target.value)}>
          <option value="">Choose…</option>
          {choices.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </Select>
      </Field>
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={refer} onChange={(e) => setRefer(e.target.checked)} /> Keep the current department&apos;s access (refer back)
      </label>
    </ActionDialog>
  );
}

export function ReferDialog({ open, onClose }: Props) {
  const { ticket } = useTicket();
  const staff = useStaffPicks(undefined, open);
  const teams = useCatalogList<TeamPick>("teams", open);
  const depts = useCatalogList<DepartmentPick>("departments", open);
  const op = useTicketOperation(ticket.id);
  const [to, setTo] = useState("");
  const [label, setLabel] = useState("");
  return (
    <ActionDialog
      open={open}
      onClose={onClose}
      title={`Refer #${ticket.number}`}
      submitLabel="Refer"
      disabled={!to}
      onSubmit={async (comment) => {
        await op.mutateAsync({ op: "refer", body: { to, comment }, version: ticket.version });
        return `Referred to ${label}`;
      }}
    >
      <Field id="refer-to" label="Refer to" hint="They can see and work the ticket; it stays in its department.">
        <Select
          id="refer-to"
          value={to}
          onChange={(e) => {
            setTo(e.target.value);
            setLabel(optionName(e.target));
          }}
        >
          <option value="">Choose…</option>
          <optgroup label="Staff">
            {(staff.data ?? []).map((s) => (
              <option key={s.id} value={`s${s.id}`}>
                {s.name}
              </option>
            ))}
          </optgroup>
          <optgroup label="Teams">
            {(teams.data ?? []).map((t) => (
              <option key={t.id} value={`t${t.id}`}>
                {t.name}
              </option>
            ))}
          </optgroup>
          <optgroup label="Departments">
            {(depts.data ?? [])
              .filter((d) => d.id !== ticket.deptId)
              .map((d) => (
                <option key={d.id} value={`d${d.id}`}>
                  {d.name}
                </option>
              ))}
          </optgroup>
        </Select>
      </Field>
    </ActionDialog>
  );
}
