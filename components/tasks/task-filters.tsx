// The task list's filters as a plain GET form: every filter is in the URL, so a filtered list
// is a link (the ticket view links to its tasks this way) and works before any script loads.
import Link from "@/components/ui/link";

interface Named {
  id: number;
  name: string;
}

export interface TaskFilterValues {
  status: string;
  deptId: string;
  assignee: string;
  ticket: string;
  dueFrom: string;
  dueTo: string;
  q: string;
  sort: string;
}

const control = "w-full rounded border border-slate-300 bg-white px-2 py-1.5 text-sm";

export function TaskFilters({ values, departments, staff, teams }: { values: TaskFilterValues; departments: Named[]; staff: Named[]; teams: Named[] }) {
  const field = (id: keyof TaskFilterValues, label: string, control: React.ReactNode) => (
    <div className="min-w-0 space-y-1">
      <label htmlFor={`tf-${id}`} className="block text-xs font-medium text-slate-700">
        {label}
      </label>
      {control}
    </div>
  );
  return (
    <form action="/tasks" method="get" aria-label="Filter tasks" className="mb-3 grid grid-cols-2 gap-3 rounded border border-slate-200 bg-white p-3 md:grid-cols-4">
      {field(
        "status",
        "Status",
        <select id="tf-status" name="status" defaultValue={values.status} className={control}>
          <option value="open">Open</option>
          <option value="closed">Closed</option>
          <option value="all">All</option>
        </select>,
      )}
      {field(
        "deptId",
        "Department",
        <select id="tf-deptId" name="deptId" defaultValue={values.deptId} className={control}>
          <option value="">Any</option>
          {departments.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>,
      )}
      {field(
        "assignee",
        "Assignee",
        <select id="tf-assignee" name="assignee" defaultValue={values.assignee} className={control}>
          <option value="">Anyone</option>
          <option value="me">Me</option>
          <option value="none">Nobody (unassigned)</option>
          <optgroup label="Staff">
            {staff.map((s) => (
              <option key={s.id} value={`s${s.id}`}>
                {s.name}
              </option>
            ))}
          </optgroup>
          <optgroup label="Teams">
            {teams.map((t) => (
              <option key={t.id} value={`t${t.id}`}>
                {t.name}
              </option>
            ))}
          </optgroup>
        </select>,
      )}
      {field("ticket", "Ticket number", <input id="tf-ticket" name="ticket" defaultValue={values.ticket} inputMode="numeric" className={control} />)}
      {field("dueFrom", "Due from", <input id="tf-dueFrom" name="dueFrom" type="date" defaultValue={values.dueFrom} className={control} />)}
      {field("dueTo", "Due until", <input id="tf-dueTo" name="dueTo" type="date" defaultValue={values.dueTo} className={control} />)}
      {field("q", "Title contains", <input id="tf-q" name="q" type="search" defaultValue={values.q} className={control} />)}
      {field(
        "sort",
        "Sort",
        <select id="tf-sort" name="sort" defaultValue={values.sort} className={control}>
          <option value="created">Newest first</option>
          <option value="updated">Last changed</option>
          <option value="due">Due soonest</option>
        </select>,
      )}
      <div className="col-span-2 flex items-center gap-3 md:col-span-4">
        <button type="submit" className="h-8 rounded bg-blue-700 px-3 text-sm font-medium text-white hover:bg-blue-800">
          Apply filters
        </button>
        <Link href="/tasks" className="text-sm text-blue-800 hover:underline">
          Reset
        </Link>
      </div>
    </form>
  );
}
