"use client";
// /admin/canned: canned responses by department (managers: their departments; admins: all and
// the global ones). Bodies may use %{variables}, filled for the ticket when a reply uses them.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/states";
import { useCannedMutations } from "@/lib/canned/client";
import type { ManagedCanned } from "@/lib/canned/manage-list";
import { cannedVariables } from "@/lib/canned/render";
import { createCannedSchema, updateCannedSchema } from "@/lib/canned/schemas";
import { ConfirmDialog } from "./confirm-dialog";
import { EntityDialog } from "./entity-dialog";
import type { FieldDef, Option, Values } from "./entity-form";
import { Flash, useFlash } from "./flash";
import { PageHeader } from "./page-header";
import { Table, Td, Th, Tr } from "./table";
import { Time } from "./time";

export function CannedAdmin({ rows, departments, isAdmin, zone }: { rows: ManagedCanned[]; departments: Option[]; isAdmin: boolean; zone: string }) {
  const router = useRouter();
  const m = useCannedMutations();
  const { flash, ok, clear } = useFlash();
  const [editing, setEditing] = useState<ManagedCanned | "new" | null>(null);
  const [deleting, setDeleting] = useState<ManagedCanned | null>(null);

  const fields: FieldDef[] = [
    { name: "title", label: "Title", kind: "text" },
    isAdmin
      ? { name: "deptId", label: "Department", kind: "select", emptyLabel: "Every department", options: departments }
      : { name: "deptId", label: "Department", kind: "select", options: departments },
    { name: "format", label: "Format", kind: "select", options: [{ value: "text", label: "Plain text" }, { value: "html", label: "HTML (sanitized)" }] },
    { name: "isActive", label: "Offered in the reply box", kind: "checkbox" },
    { name: "body", label: "Body", kind: "textarea", rows: 8, hint: `Variables: ${cannedVariables.map((v) => `%{${v}}`).join(" ")}` },
  ];

  async function save(values: Values) {
    if (editing === "new") {
      const row = await m.create.mutateAsync(values);
      ok(`“${row.title}” created`);
    } else if (editing) {
      const row = await m.update.mutateAsync({ id: editing.id, body: values });
      ok(`“${row.title}” saved`);
    }
    setEditing(null);
    router.refresh();
  }

  return (
    <section>
      <PageHeader
        title="Canned responses"
        description="Prepared replies staff insert from the reply box; variables are filled in for the ticket."
        actions={
          <Button variant="primary" onClick={() => setEditing("new")}>
            New canned response
          </Button>
        }
      />
      <Flash flash={flash} onDismiss={clear} />
      {rows.length === 0 ? (
        <EmptyState title="No canned responses yet">Write the answers your team gives most often.</EmptyState>
      ) : (
        <Table label="Canned responses">
          <thead>
            <tr>
              <Th>Title</Th>
              <Th>Department</Th>
              <Th className="hidden lg:table-cell">Preview</Th>
              <Th className="hidden md:table-cell">Updated</Th>
              <Th>Status</Th>
              <Th className="text-right">Actions</Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <Tr key={c.id} muted={!c.isActive}>
                <Td className="font-medium text-slate-900">
                  {c.title}
                  {c.format === "html" && (
                    <Badge tone="slate" className="ml-1.5">
                      HTML
                    </Badge>
                  )}
                </Td>
                <Td>{c.deptName ?? <span className="text-slate-500">Every department</span>}</Td>
                <Td className="hidden max-w-md truncate text-slate-600 lg:table-cell">{c.body.replace(/<[^>]+>/g, " ").slice(0, 140)}</Td>
                <Td className="hidden md:table-cell">
                  <Time value={c.updatedAt} zone={zone} />
                </Td>
                <Td>{c.isActive ? <Badge tone="green">Active</Badge> : <Badge tone="slate">Inactive</Badge>}</Td>
                <Td className="text-right whitespace-nowrap">
                  {(isAdmin || c.deptId !== null) && (
                    <div className="flex justify-end gap-1">
                      <Button size="sm" variant="ghost" onClick={() => setEditing(c)} aria-label={`Edit ${c.title}`}>
                        Edit
                      </Button>
                      <Button size="sm" variant="ghost" className="text-red-700" onClick={() => setDeleting(c)} aria-label={`Delete ${c.title}`}>
                        Delete
                      </Button>
                    </div>
                  )}
                </Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      )}
      <EntityDialog
        open={editing !== null}
        title={editing === "new" ? "New canned response" : `Edit ${editing?.title ?? ""}`}
        onClose={() => setEditing(null)}
        mode={editing === "new" ? "create" : "edit"}
        fields={fields}
        initial={editing === "new" || !editing ? { format: "text", isActive: true, deptId: isAdmin ? null : departments[0]?.value } : editing}
        schema={editing === "new" ? createCannedSchema : updateCannedSchema}
        submitLabel={editing === "new" ? "Create" : "Save"}
        onSubmit={save}
      />
      <ConfirmDialog
        open={deleting !== null}
        title="Delete canned response"
        confirmLabel="Delete"
        onConfirm={async () => {
          await m.remove.mutateAsync(deleting!.id);
          ok(`“${deleting!.title}” deleted`);
          router.refresh();
        }}
        onClose={() => setDeleting(null)}
      >
        <p>“{deleting?.title}” is removed for good. Replies already sent are not affected.</p>
      </ConfirmDialog>
    </section>
  );
}
