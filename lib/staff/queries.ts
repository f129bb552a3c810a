// Reading staff: one member with memberships, and the list for pickers and the admin page.
import { and, asc, eq, ilike, inArray, or, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { staff, staffDepartments, teamMembers } from "@/db/schema";
import { AppError } from "@/lib/http/errors";
import { toStaffMember, toStaffPick } from "./dto";
import type { ListStaffQuery } from "./schemas";

async function memberships(db: Executor, ids: number[]) {
  if (!ids.length) return { depts: new Map<number, number[]>(), teams: new Map<number, number[]>() };
  const [d, t] = await Promise.all([
    db.select().from(staffDepartments).where(inArray(staffDepartments.staffId, ids)).orderBy(asc(staffDepartments.deptId)),
    db.select().from(teamMembers).where(inArray(teamMembers.staffId, ids)).orderBy(asc(teamMembers.teamId)),
  ]);
  const depts = new Map<number, number[]>();
  const teams = new Map<number, number[]>();
  d.forEach((r) => depts.set(r.staffId, [...(depts.get(r.staffId) ?? []), r.deptId]));
  t.forEach((r) => teams.set(r.staffId, [...(teams.get(r.staffId) ?? []), r.teamId]));
  return { depts, teams };
}

export async function getStaffMember(db: Executor, id: number) {
  const [row] = await db.select().from(staff).where(eq(staff.id, id));
  if (!row) throw new AppError("not_found", `Staff member ${id} not found`);
  const m = await memberships(db, [id]);
  return toStaffMember(row, m.depts.get(id) ?? [], m.teams.get(id) ?? []);
}

/** Staff list: active colleagues for everyone; admins may include the deactivated. */
export async function listStaff(db: Executor, opts: ListStaffQuery & { detailed: boolean }) {
  const conditions = [];
  if (!(opts.detailed && opts.includeInactive)) conditions.push(eq(staff.isActive, true));
  if (opts.deptId) {
    // Those who work in the department; admins work everywhere.
    conditions.push(or(eq(staff.role, "admin"), sql`${staff.id} IN (SELECT staff_id FROM staff_departments WHERE dept_id = ${opts.deptId})`));
  }
  if (opts.q) {
    const like = `%${opts.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(staff.name, like), ilike(staff.email, like)));
  }
  const rows = await db.select().from(staff).where(and(...conditions)).orderBy(asc(staff.name), asc(staff.id));
  const m = await memberships(db, rows.map((r) => r.id));
  const items = rows.map((r) =>
    opts.detailed ? toStaffMember(r, m.depts.get(r.id) ?? [], m.teams.get(r.id) ?? []) : toStaffPick(r, m.depts.get(r.id) ?? []),
  );
  return { items, total: items.length, nextCursor: null };
}
