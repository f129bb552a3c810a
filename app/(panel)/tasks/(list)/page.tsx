// /tasks: the tasks the member may see, filtered (status, department, assignee incl. me and
// nobody, ticket, due range, title) and sorted, in keyset pages; "New task".
// (list) is a route group so its loading boundary does not wrap /tasks/<id>, whose layout must
// answer 404 before streaming.
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getDb } from "@/db/client";
import { PageHeader } from "@/components/admin/page-header";
import { Pager } from "@/components/directory/pager";
import { NewTaskButton } from "@/components/tasks/new-task-dialog";
import { type TaskFilterValues, TaskFilters } from "@/components/tasks/task-filters";
import { TaskTable } from "@/components/tasks/task-table";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { scopeOf } from "@/lib/auth";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { roleCan } from "@/lib/auth/permissions";
import { listDepartments, listTeams } from "@/lib/catalog";
import { AppError } from "@/lib/http/errors";
import { isCursorError } from "@/lib/http/page-cursor";
import { listStaff } from "@/lib/staff";
import { listTasks, listTasksQuery } from "@/lib/tasks";
import { findTicketByNumber } from "@/lib/tickets";

export const metadata: Metadata = { title: "Tasks" };
export const dynamic = "force-dynamic";

type Params = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() ?? "";

function filterValues(p: Params): TaskFilterValues {
  return { status: one(p.status) || "open", deptId: one(p.deptId), assignee: one(p.assignee), ticket: one(p.ticket), dueFrom: one(p.dueFrom), dueTo: one(p.dueTo), q: one(p.q), sort: one(p.sort) || "created" };
}

/** The same filters without the cursor. */
function firstPage(p: Params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(p)) if (k !== "cursor" && typeof v === "string" && v) q.set(k, v);
  const s = q.toString();
  return s ? `/tasks?${s}` : "/tasks";
}

export default async function TasksPage({ searchParams }: { searchParams: Promise<Params> }) {
  const staff = await requirePagePermission("tasks.view");
  const db = await getDb();
  const params = await searchParams;
  const values = filterValues(params);
  const [depts, teams, colleagues] = await Promise.all([listDepartments(db, staff), listTeams(db, staff), listStaff(db, { detailed: false })]);
  const results = await load(values, one(params.ticketId), one(params.cursor));
  const header = (
    <PageHeader
      title="Tasks"
      description="Internal work items of your departments, of your tickets, and those assigned to you or your teams."
      actions={roleCan(staff.role, "tasks.create") && <NewTaskButton zone={staff.timezone} defaultDeptId={staff.primaryDeptId} />}
    />
  );
  const filters = <TaskFilters values={values} departments={depts.items} staff={colleagues.items} teams={teams.items} />;
  return (
    <section className="max-w-7xl">
      {header}
      {filters}
      {results.kind === "stale" ? (
        <ErrorState
          title="This page link is out of date"
          message="It was made for an earlier state of the list, or it was changed by hand."
          action={
            <Link href={firstPage(params)} className="text-blue-800 underline">
              Go to the first page
            </Link>
          }
        />
      ) : results.kind === "invalid" ? (
        <ErrorState title="These filters cannot be used" message={results.message} />
      ) : results.kind === "no-ticket" ? (
        <EmptyState title={`No ticket #${values.ticket} you can see`}>Check the number, or clear the ticket filter.</EmptyState>
      ) : results.page.items.length === 0 ? (
        <EmptyState title="No tasks match">Change the filters, or create a task here or from a ticket.</EmptyState>
      ) : (
        <>
          <TaskTable tasks={results.page.items} zone={staff.timezone} />
          <Pager path="/tasks" params={params} nextCursor={results.page.nextCursor} shown={results.page.items.length} total={results.page.total} noun="tasks" />
        </>
      )}
    </section>
  );

  async function load(v: TaskFilterValues, ticketIdParam: string, cursor: string) {
    let ticketId: string | undefined = ticketIdParam || undefined;
    if (v.ticket) {
      try {
        ticketId = String((await findTicketByNumber(db, staff, v.ticket)).id);
      } catch (e) {
        if (e instanceof AppError && e.code === "not_found") return { kind: "no-ticket" as const };
        throw e;
      }
    }
    const parsed = listTasksQuery.safeParse({
      status: v.status === "all" ? undefined : v.status,
      deptId: v.deptId || undefined,
      assignee: v.assignee || undefined,
      ticketId,
      dueFrom: v.dueFrom || undefined,
      dueTo: v.dueTo || undefined,
      q: v.q || undefined,
      sort: v.sort,
      cursor: cursor || undefined,
      limit: 25,
    });
    if (!parsed.success && parsed.error.issues.every((i) => i.path[0] === "cursor")) return { kind: "stale" as const };
    if (!parsed.success) return { kind: "invalid" as const, message: parsed.error.issues.map((i) => `${i.path.join(".") || "filter"}: ${i.message}`).join("; ") };
    try {
      return { kind: "ok" as const, page: await listTasks(db, scopeOf(staff), parsed.data) };
    } catch (e) {
      if (isCursorError(e)) return { kind: "stale" as const };
      throw e;
    }
  }
}
