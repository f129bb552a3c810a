"use client";
// The five catalog admin pages: each is the CatalogAdmin shell with its columns and form fields.
import { Badge } from "@/components/ui/badge";
import type { AdminDepartment, AdminPriority, AdminSlaPlan, AdminTeam, AdminTopic } from "@/lib/catalog/admin-queries";
import {
  createDepartmentSchema,
  createPrioritySchema,
  createSlaSchema,
  createTeamSchema,
  createTopicSchema,
  updateDepartmentSchema,
  updatePrioritySchema,
  updateSlaSchema,
  updateTeamSchema,
  updateTopicSchema,
} from "@/lib/catalog/schemas";
import { CatalogAdmin } from "./catalog-admin";
import type { Option } from "./entity-form";

const muted = (s: string | null | undefined) => s ?? <span className="text-slate-400">—</span>;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
const usedBy = (n: number) => (n ? `Used by ${plural(n, "ticket")}` : null);

export function DepartmentsAdmin({ rows, staff, slas }: { rows: AdminDepartment[]; staff: Option[]; slas: Option[] }) {
  return (
    <CatalogAdmin
      resource="departments"
      title="Departments"
      singular="department"
      description="Tickets belong to a department; staff see the departments they are members of."
      rows={rows}
      columns={[
        { header: "Manager", cell: (r) => muted(r.managerName) },
        { header: "SLA plan", cell: (r) => muted(r.slaName), className: "hidden md:table-cell" },
        { header: "Staff", cell: (r) => r.staffCount, className: "hidden md:table-cell text-right tabular-nums" },
        { header: "Open tickets", cell: (r) => r.openTickets, className: "text-right tabular-nums" },
      ]}
      fields={[
        { name: "name", label: "Name", kind: "text" },
        { name: "managerId", label: "Manager", kind: "select", emptyLabel: "No manager", options: staff, hint: "Receives escalations and digests of the department." },
        { name: "slaId", label: "SLA plan", kind: "select", emptyLabel: "The default SLA plan", options: slas },
        { name: "signature", label: "Signature", kind: "textarea", rows: 3, hint: "Added below staff signatures on replies from this department." },
      ]}
      createSchema={createDepartmentSchema}
      updateSchema={updateDepartmentSchema}
      inUse={(r) => usedBy(r.tickets)}
    />
  );
}

export function TeamsAdmin({ rows, staff }: { rows: AdminTeam[]; staff: Option[] }) {
  return (
    <CatalogAdmin
      resource="teams"
      title="Teams"
      singular="team"
      description="Tickets can be assigned to a team; its members see them."
      rows={rows}
      columns={[
        { header: "Lead", cell: (r) => muted(r.leadName) },
        {
          header: "Members",
          cell: (r) => (r.members.length ? r.members.map((m) => m.name).join(", ") : <span className="text-slate-400">No members</span>),
          className: "hidden md:table-cell",
        },
        { header: "Open tickets", cell: (r) => r.openTickets, className: "text-right tabular-nums" },
      ]}
      fields={[
        { name: "name", label: "Name", kind: "text" },
        { name: "leadId", label: "Lead", kind: "select", emptyLabel: "No lead", options: staff, hint: "The lead is always a member." },
        { name: "memberIds", label: "Members", kind: "multi", options: staff },
      ]}
      defaults={{ memberIds: [] }}
      toInitial={(r) => ({ ...r, memberIds: r.members.map((m) => m.id) })}
      createSchema={createTeamSchema}
      updateSchema={updateTeamSchema}
      inUse={(r) => usedBy(r.tickets)}
    />
  );
}

export function TopicsAdmin({ rows, departments, priorities, slas }: { rows: AdminTopic[]; departments: Option[]; priorities: Option[]; slas: Option[] }) {
  return (
    <CatalogAdmin
      resource="topics"
      title="Help topics"
      singular="help topic"
      description="What a ticket is about; a topic sets the department, priority and SLA of new tickets."
      rows={rows}
      columns={[
        { header: "Department", cell: (r) => muted(r.deptName) },
        { header: "Priority", cell: (r) => muted(r.priorityName), className: "hidden md:table-cell" },
        { header: "SLA plan", cell: (r) => muted(r.slaName), className: "hidden lg:table-cell" },
        { header: "Docs", cell: (r) => (r.docsRequired ? <Badge tone="amber">Required</Badge> : ""), className: "hidden md:table-cell" },
      ]}
      fields={[
        { name: "name", label: "Name", kind: "text" },
        { name: "deptId", label: "Department", kind: "select", emptyLabel: "The default department", options: departments },
        { name: "priorityId", label: "Priority", kind: "select", emptyLabel: "The default priority", options: priorities },
        { name: "slaId", label: "SLA plan", kind: "select", emptyLabel: "The department's plan", options: slas },
        { name: "docsRequired", label: "Documentation required", kind: "checkbox", hint: "Tickets of this topic cannot close until a PM acknowledges the documentation.", wide: true },
      ]}
      createSchema={createTopicSchema}
      updateSchema={updateTopicSchema}
      inUse={(r) => usedBy(r.tickets)}
    />
  );
}

export function PrioritiesAdmin({ rows }: { rows: AdminPriority[] }) {
  return (
    <CatalogAdmin
      resource="priorities"
      title="Priorities"
      singular="priority"
      description="Listed from most to least urgent. New tickets without a topic get the default priority."
      rows={rows}
      columns={[
        {
          header: "Colour",
          cell: (r) => (
            <span className="inline-flex items-center gap-1.5 font-mono text-xs">
              <span aria-hidden className="size-3 rounded-sm ring-1 ring-slate-300" style={{ backgroundColor: r.color }} />
              {r.color}
            </span>
          ),
        },
        { header: "Urgency", cell: (r) => r.urgency, className: "text-right tabular-nums" },
        { header: "Default", cell: (r) => (r.isDefault ? <Badge tone="blue">Default</Badge> : "") },
        { header: "Tickets", cell: (r) => r.tickets, className: "hidden md:table-cell text-right tabular-nums" },
      ]}
      fields={[
        { name: "name", label: "Name", kind: "text" },
        { name: "urgency", label: "Urgency", kind: "number", min: 1, max: 100, hint: "1 is the least urgent; lists sort by it." },
        { name: "color", label: "Colour", kind: "color" },
        { name: "isDefault", label: "Default for new tickets", kind: "checkbox" },
      ]}
      defaults={{ color: "#64748b", urgency: 1 }}
      createSchema={createPrioritySchema}
      updateSchema={updatePrioritySchema}
      inUse={(r) => (r.isDefault ? "The default priority" : usedBy(r.tickets))}
    />
  );
}

export function SlaAdmin({ rows }: { rows: AdminSlaPlan[] }) {
  return (
    <CatalogAdmin
      resource="sla"
      title="SLA plans"
      singular="SLA plan"
      description="A ticket is due its plan's grace period after it is created or reopened; past that it is overdue."
      rows={rows}
      columns={[
        { header: "Grace period", cell: (r) => plural(r.graceHours, "hour"), className: "tabular-nums" },
        { header: "Used by", cell: (r) => [plural(r.departments, "department"), plural(r.topics, "topic"), plural(r.tickets, "ticket")].join(", "), className: "hidden md:table-cell" },
      ]}
      fields={[
        { name: "name", label: "Name", kind: "text" },
        { name: "graceHours", label: "Grace period (hours)", kind: "number", min: 1, max: 8760 },
      ]}
      defaults={{ graceHours: 24 }}
      createSchema={createSlaSchema}
      updateSchema={updateSlaSchema}
      inUse={(r) => (r.tickets + r.departments + r.topics ? "Still in use" : null)}
    />
  );
}
