"use client";
// The shell of the catalog admin pages (departments, teams, topics, priorities, SLA plans): a
// table of every row, active or not, with create, edit, deactivate/reactivate and delete. Rows
// still used by tickets cannot be deleted; the API says so and the dialog shows it.
import { useRouter } from "next/navigation";
import { type ReactNode, useState } from "react";
import type { z } from "zod";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/states";
import { type CatalogResource, useCatalogMutations } from "@/lib/catalog/client";
import { ConfirmDialog } from "./confirm-dialog";
import { EntityDialog } from "./entity-dialog";
import type { FieldDef, Values } from "./entity-form";
import { Flash, useFlash } from "./flash";
import { PageHeader } from "./page-header";
import { Table, Td, Th, Tr } from "./table";

export interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
  className?: string;
}

export interface CatalogRow {
  id: number;
  name: string;
  isActive: boolean;
}

export interface CatalogAdminProps<T extends CatalogRow> {
  resource: CatalogResource;
  title: string;
  /** "department": used in buttons and messages. */
  singular: string;
  description: string;
  rows: T[];
  columns: Column<T>[];
  fields: FieldDef[];
  createSchema: z.ZodType;
  updateSchema: z.ZodType;
  /** Initial values of a new row. */
  defaults?: Values;
  /** Values of an existing row for the edit form (defaults to the row itself). */
  toInitial?: (row: T) => Values;
  /** Why a row cannot be deleted (shown instead of the delete button), e.g. "Used by 3 tickets". */
  inUse?: (row: T) => string | null;
}

export function CatalogAdmin<T extends CatalogRow>(p: CatalogAdminProps<T>) {
  const router = useRouter();
  const m = useCatalogMutations(p.resource);
  const { flash, ok, clear } = useFlash();
  const [editing, setEditing] = useState<T | "new" | null>(null);
  const [confirm, setConfirm] = useState<{ row: T; action: "delete" | "deactivate" | "reactivate" } | null>(null);
  const cap = p.singular[0].toUpperCase() + p.singular.slice(1);

  async function save(values: Values) {
    if (editing === "new") {
      const row = await m.create.mutateAsync(values);
      ok(`${cap} “${row.name}” created`);
    } else if (editing) {
      const row = await m.update.mutateAsync({ id: editing.id, body: values });
      ok(`${cap} “${row.name}” saved`);
    }
    setEditing(null);
    router.refresh();
  }

  async function runConfirm() {
    if (!confirm) return;
    const { row, action } = confirm;
    if (action === "delete") {
      await m.remove.mutateAsync(row.id);
      ok(`${cap} “${row.name}” deleted`);
    } else {
      await m.update.mutateAsync({ id: row.id, body: { isActive: action === "reactivate" } });
      ok(`${cap} “${row.name}” ${action === "deactivate" ? "deactivated" : "reactivated"}`);
    }
    router.refresh();
  }

  return (
    <section>
      <PageHeader
        title={p.title}
        description={p.description}
        actions={
          <Button variant="primary" onClick={() => setEditing("new")}>
            New {p.singular}
          </Button>
        }
      />
      <Flash flash={flash} onDismiss={clear} />
      {p.rows.length === 0 ? (
        <EmptyState title={`No ${p.title.toLowerCase()} yet`}>Create one with “New {p.singular}”.</EmptyState>
      ) : (
        <Table label={p.title}>
          <thead>
            <tr>
              <Th>Name</Th>
              {p.columns.map((c) => (
                <Th key={c.header} className={c.className}>
                  {c.header}
                </Th>
              ))}
              <Th>Status</Th>
              <Th className="text-right">Actions</Th>
            </tr>
          </thead>
          <tbody>
            {p.rows.map((row) => {
              const used = p.inUse?.(row) ?? null;
              return (
                <Tr key={row.id} muted={!row.isActive}>
                  <Td className="font-medium text-slate-900">{row.name}</Td>
                  {p.columns.map((c) => (
                    <Td key={c.header} className={c.className}>
                      {c.cell(row)}
                    </Td>
                  ))}
                  <Td>{row.isActive ? <Badge tone="green">Active</Badge> : <Badge tone="slate">Inactive</Badge>}</Td>
                  <Td className="text-right whitespace-nowrap">
                    <div className="flex justify-end gap-1">
                      <Button size="sm" variant="ghost" onClick={() => setEditing(row)} aria-label={`Edit ${row.name}`}>
                        Edit
                      </Button>
                      <Button
                        size="sm"
                        variant="ghost"
                        onClick={() => setConfirm({ row, action: row.isActive ? "deactivate" : "reactivate" })}
                        aria-label={`${row.isActive ? "Deactivate" : "Reactivate"} ${row.name}`}
                      >
                        {row.isActive ? "Deactivate" : "Reactivate"}
                      </Button>
                      <Button
                        size="sm"
                        variant="ghost"
                        className="text-red-700"
                        disabled={!!used}
                        title={used ? `${used}; deactivate it instead` : undefined}
                        onClick={() => setConfirm({ row, action: "delete" })}
                        aria-label={`Delete ${row.name}`}
                      >
                        Delete
                      </Button>
                    </div>
                  </Td>
                </Tr>
              );
            })}
          </tbody>
        </Table>
      )}

      <EntityDialog
        open={editing !== null}
        title={editing === "new" ? `New ${p.singular}` : `Edit ${editing?.name ?? ""}`}
        onClose={() => setEditing(null)}
        mode={editing === "new" ? "create" : "edit"}
        fields={p.fields}
        initial={editing === "new" || !editing ? (p.defaults ?? {}) : (p.toInitial?.(editing) ?? (editing as unknown as Values))}
        schema={editing === "new" ? p.createSchema : p.updateSchema}
        submitLabel={editing === "new" ? "Create" : "Save"}
        onSubmit={save}
      />
      <ConfirmDialog
        open={confirm !== null}
        title={`${confirm?.action === "delete" ? "Delete" : confirm?.action === "deactivate" ? "Deactivate" : "Reactivate"} ${p.singular}`}
        confirmLabel={confirm?.action === "delete" ? "Delete" : confirm?.action === "deactivate" ? "Deactivate" : "Reactivate"}
        danger={confirm?.action !== "reactivate"}
        onConfirm={runConfirm}
        onClose={() => setConfirm(null)}
      >
        {confirm?.action === "delete" && <p>“{confirm.row.name}” is removed for good.</p>}
        {confirm?.action === "deactivate" && <p>“{confirm.row.name}” is no longer offered for new tickets; existing tickets keep it.</p>}
        {confirm?.action === "reactivate" && <p>“{confirm.row.name}” is offered again.</p>}
      </ConfirmDialog>
    </section>
  );
}
