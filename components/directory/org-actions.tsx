"use client";
// Create and edit organizations (managers and admins): name, email domains, account PM, whether
// tickets need documentation, the Harvest project, budget and quoted hours, notes.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { EntityDialog } from "@/components/admin/entity-dialog";
import type { FieldDef, Option, Values } from "@/components/admin/entity-form";
import { Button } from "@/components/ui/button";
import { useOrgMutations } from "@/lib/orgs/client";
import { createOrgSchema, updateOrgSchema } from "@/lib/orgs/schemas";

export interface EditableOrg {
  id: number;
  name: string;
  domains: string[];
  accountPm: { id: number; name: string } | null;
  docsRequired: boolean;
  harvestProjectId: string | null;
  budgetHours: number | null;
  quotedHours: number | null;
  notes: string;
}

function orgFields(pms: Option[]): FieldDef[] {
  return [
    { name: "name", label: "Name", kind: "text" },
    { name: "accountPmId", label: "Account PM", kind: "select", emptyLabel: "No account PM", options: pms, hint: "An active manager or admin." },
    { name: "domains", label: "Email domains", kind: "lines", rows: 3, placeholder: "acme.example", hint: "One per line. New users with these addresses join this organization (existing users do not move)." },
    { name: "docsRequired", label: "Tickets need documentation", kind: "checkbox", hint: "Flag this organization's tickets as needing documentation." },
    { name: "harvestProjectId", label: "Harvest project id", kind: "text", empty: "null" },
    { name: "budgetHours", label: "Budget hours", kind: "number", min: 0, empty: "null" },
    { name: "quotedHours", label: "Quoted hours", kind: "number", min: 0, empty: "null" },
    { name: "notes", label: "Notes", kind: "textarea", rows: 3 },
  ];
}

export function OrgDialogButton({ org, pms, variant = "secondary" }: { org?: EditableOrg; pms: Option[]; variant?: "primary" | "secondary" }) {
  const router = useRouter();
  const m = useOrgMutations();
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState("");
  // The PM may no longer be a manager: keep them selectable so an unrelated edit does not fail.
  const options = org?.accountPm && !pms.some((p) => p.value === org.accountPm!.id) ? [...pms, { value: org.accountPm.id, label: org.accountPm.name }] : pms;

  async function save(values: Values) {
    if (org) {
      const r = await m.update.mutateAsync({ id: org.id, body: values as never });
      setOpen(false);
      setDone(`${r.name} updated`);
      router.refresh();
    } else {
      const r = await m.create.mutateAsync(values);
      router.push(`/orgs/${r.id}`);
    }
  }

  return (
    <>
      <Button variant={variant} onClick={() => setOpen(true)}>
        {org ? "Edit" : "New organization"}
      </Button>
      <span role="status" aria-live="polite" data-testid="flash" className={done ? "text-sm text-green-800" : "sr-only"}>
        {done}
      </span>
      <EntityDialog
        open={open}
        title={org ? `Edit ${org.name}` : "New organization"}
        onClose={() => setOpen(false)}
        mode={org ? "edit" : "create"}
        fields={orgFields(options)}
        initial={org ? { ...org, accountPmId: org.accountPm?.id ?? null } : { domains: [], docsRequired: false }}
        schema={org ? updateOrgSchema : createOrgSchema}
        submitLabel={org ? "Save" : "Add organization"}
        onSubmit={save}
      />
    </>
  );
}
