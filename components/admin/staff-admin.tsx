"use client";
// /admin/staff: every account with its role, departments and teams; create, edit, deactivate,
// reactivate and reset a password (a generated one is shown once).
import { useRouter } from "next/navigation";
import { useState } from "react";
import { staffRoles } from "@/db/enums";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/states";
import { useStaffMutations } from "@/lib/staff/client";
import { createStaffSchema, updateStaffSchema } from "@/lib/staff/schemas";
import type { StaffMember } from "@/lib/staff/dto";
import { ConfirmDialog } from "./confirm-dialog";
import { EntityDialog } from "./entity-dialog";
import type { FieldDef, Values } from "./entity-form";
import { Flash, useFlash } from "./flash";
import { PageHeader } from "./page-header";
import { SecretReveal } from "./secret-reveal";
import { Table, Td, Th, Tr } from "./table";
import { Time } from "./time";
import { timeZoneOptions } from "./time-zones";

interface Named {
  id: number;
  name: string;
  isActive: boolean;
}

const roleTone = { admin: "purple", manager: "blue", agent: "slate" } as const;

export function StaffAdmin({ staff, departments, teams, meId, zone }: { staff: StaffMember[]; departments: Named[]; teams: Named[]; meId: number; zone: string }) {
  const router = useRouter();
  const m = useStaffMutations();
  const { flash, ok, clear } = useFlash();
  const [editing, setEditing] = useState<StaffMember | "new" | null>(null);
  const [confirm, setConfirm] = useState<{ member: StaffMember; action: "deactivate" | "reactivate" | "reset" } | null>(null);
  const [secret, setSecret] = useState<{ name: string; password: string } | null>(null);

  const deptName = new Map(departments.map((d) => [d.id, d.name]));
  const teamName = new Map(teams.map((t) => [t.id, t.name]));
  const deptOptions = departments.filter((d) => d.isActive).map((d) => ({ value: d.id, label: d.name }));
  const fields: FieldDef[] = [
    { name: "name", label: "Name", kind: "text", autoComplete: "off" },
    { name: "email", label: "Email", kind: "email" },
    { name: "role", label: "Role", kind: "select", options: staffRoles.map((r) => ({ value: r, label: r[0].toUpperCase() + r.slice(1) })), hint: "Admins do everything; managers manage their departments." },
    { name: "primaryDeptId", label: "Primary department", kind: "select", emptyLabel: "The first department below", options: deptOptions },
    { name: "deptIds", label: "Departments", kind: "multi", options: deptOptions, hint: "The tickets they see and work." },
    { name: "teamIds", label: "Teams", kind: "multi", options: teams.filter((t) => t.isActive).map((t) => ({ value: t.id, label: t.name })) },
    { name: "password", label: "Password", kind: "password", createOnly: true, hint: "Leave empty to generate one; it is shown once." },
    { name: "phone", label: "Mobile phone (SMS alerts)", kind: "text", placeholder: "+15551234567", empty: "null" },
    { name: "timezone", label: "Time zone", kind: "select", options: timeZoneOptions(editing && editing !== "new" ? editing.timezone : undefined) },
    { name: "signature", label: "Signature", kind: "textarea", rows: 3 },
  ];

  async function save(values: Values) {
    if (editing === "new") {
      const res = await m.create.mutateAsync(values);
      setEditing(null);
      ok(`${res.staff.name} can now sign in`);
      if (res.password) setSecret({ name: res.staff.name, password: res.password });
    } else if (editing) {
      await m.update.mutateAsync({ id: editing.id, body: values });
      setEditing(null);
      ok(`${editing.name} updated`);
    }
    router.refresh();
  }

  async function runConfirm() {
    if (!confirm) return;
    const { member, action } = confirm;
    if (action === "reset") {
      const res = await m.resetPassword.mutateAsync({ id: member.id, body: {} });
      if (res.password) setSecret({ name: member.name, password: res.password });
      ok(`Password of ${member.name} reset; their sessions have ended`);
    } else {
      await m.update.mutateAsync({ id: member.id, body: { isActive: action === "reactivate" } });
      ok(action === "deactivate" ? `${member.name} deactivated; their sessions have ended` : `${member.name} reactivated`);
    }
    router.refresh();
  }

  return (
    <section>
      <PageHeader
        title="Staff"
        description="Who works in the help desk, with what role and in which departments."
        actions={
          <Button variant="primary" onClick={() => setEditing("new")}>
            New staff member
          </Button>
        }
      />
      <Flash flash={flash} onDismiss={clear} />
      {staff.length === 0 ? (
        <EmptyState title="No staff yet">Create the first account with “New staff member”.</EmptyState>
      ) : (
        <Table label="Staff">
          <thead>
            <tr>
              <Th>Name</Th>
              <Th>Role</Th>
              <Th>Departments</Th>
              <Th className="hidden lg:table-cell">Teams</Th>
              <Th className="hidden md:table-cell">Last sign-in</Th>
              <Th>Status</Th>
              <Th className="text-right">Actions</Th>
            </tr>
          </thead>
          <tbody>
            {staff.map((s) => (
              <Tr key={s.id} muted={!s.isActive}>
                <Td>
                  <div className="font-medium text-slate-900">{s.name}</div>
                  <div className="text-xs text-slate-500">{s.email}</div>
                </Td>
                <Td>
                  <Badge tone={roleTone[s.role]}>{s.role}</Badge>
                </Td>
                <Td>{s.role === "admin" && !s.deptIds.length ? <span className="text-slate-500">All (admin)</span> : s.deptIds.map((d) => deptName.get(d) ?? `#${d}`).join(", ") || "—"}</Td>
                <Td className="hidden lg:table-cell">{s.teamIds.map((t) => teamName.get(t) ?? `#${t}`).join(", ") || "—"}</Td>
                <Td className="hidden md:table-cell">
                  <Time value={s.lastLoginAt} zone={zone} empty="Never" />
                </Td>
                <Td>{s.isActive ? <Badge tone="green">Active</Badge> : <Badge tone="red">Deactivated</Badge>}</Td>
                <Td className="text-right whitespace-nowrap">
                  <div className="flex justify-end gap-1">
                    <Button size="sm" variant="ghost" onClick={() => setEditing(s)} aria-label={`Edit ${s.name}`}>
                      Edit
                    </Button>
                    <Button size="sm" variant="ghost" onClick={() => setConfirm({ member: s, action: "reset" })} aria-label={`Reset password of ${s.name}`}>
                      Reset password
                    </Button>
                    {s.id !== meId &&
                      (s.isActive ? (
                        <Button size="sm" variant="ghost" className="text-red-700" onClick={() => setConfirm({ member: s, action: "deactivate" })} aria-label={`Deactivate ${s.name}`}>
                          Deactivate
                        </Button>
                      ) : (
                        <Button size="sm" variant="ghost" onClick={() => setConfirm({ member: s, action: "reactivate" })} aria-label={`Reactivate ${s.name}`}>
                          Reactivate
                        </Button>
                      ))}
                  </div>
                </Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      )}

      <EntityDialog
        open={editing !== null}
        title={editing === "new" ? "New staff member" : `Edit ${editing?.name ?? ""}`}
        onClose={() => setEditing(null)}
        mode={editing === "new" ? "create" : "edit"}
        fields={fields}
        initial={editing === "new" || !editing ? { role: "agent", timezone: zone, deptIds: [], teamIds: [] } : editing}
        schema={editing === "new" ? createStaffSchema : updateStaffSchema}
        submitLabel={editing === "new" ? "Create" : "Save"}
        onSubmit={save}
      />
      <ConfirmDialog
        open={confirm !== null}
        title={confirm?.action === "reset" ? "Reset password" : confirm?.action === "deactivate" ? "Deactivate staff member" : "Reactivate staff member"}
        confirmLabel={confirm?.action === "reset" ? "Reset password" : confirm?.action === "deactivate" ? "Deactivate" : "Reactivate"}
        danger={confirm?.action !== "reactivate"}
        onConfirm={runConfirm}
        onClose={() => setConfirm(null)}
      >
        {confirm?.action === "reset" && <p>A new password is generated for {confirm.member.name} and shown once. Every session they have ends now.</p>}
        {confirm?.action === "deactivate" && <p>{confirm.member.name} loses access at once; their tickets stay assigned until you reassign them.</p>}
        {confirm?.action === "reactivate" && <p>{confirm.member.name} can sign in again with their password.</p>}
      </ConfirmDialog>
      <SecretReveal
        title="New password"
        label={`Password for ${secret?.name ?? ""}`}
        secret={secret?.password ?? null}
        note="Copy this password now and give it to them securely. It is not shown again."
        onClose={() => setSecret(null)}
      />
    </section>
  );
}
