// The signed-in staff member as every request sees it: one query loads the row with its
// department and team memberships, so permission and scope checks need nothing more.
import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import type { StaffRole } from "@/db/enums";
import { rows } from "@/db/rows";

export interface SessionStaff {
  id: number;
  email: string;
  name: string;
  role: StaffRole;
  timezone: string;
  signature: string;
  primaryDeptId: number | null;
  sessionVersion: number;
  deptIds: number[];
  teamIds: number[];
}

interface Row {
  id: number;
  email: string;
  name: string;
  role: StaffRole;
  timezone: string;
  signature: string;
  primary_dept_id: number | null;
  session_version: number;
  is_active: boolean;
  dept_ids: number[] | null;
  team_ids: number[] | null;
}

/** The staff member with memberships, or null when missing. `isActive` is reported, not checked. */
export async function loadSessionStaff(db: Executor, staffId: number): Promise<(SessionStaff & { isActive: boolean }) | null> {
  const [row] = await rows<Row>(
    db,
    sql`SELECT s.id, s.email, s.name, s.role, s.timezone, s.signature, s.primary_dept_id, s.session_version, s.is_active,
          ARRAY(SELECT sd.dept_id FROM staff_departments sd WHERE sd.staff_id = s.id ORDER BY sd.dept_id) AS dept_ids,
          ARRAY(SELECT tm.team_id FROM team_members tm JOIN teams t ON t.id = tm.team_id
                WHERE tm.staff_id = s.id AND t.is_active ORDER BY tm.team_id) AS team_ids
        FROM staff s WHERE s.id = ${staffId}`,
  );
  if (!row) return null;
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    timezone: row.timezone,
    signature: row.signature,
    primaryDeptId: row.primary_dept_id,
    sessionVersion: row.session_version,
    isActive: row.is_active,
    deptIds: (row.dept_ids ?? []).map(Number),
    teamIds: (row.team_ids ?? []).map(Number),
  };
}
