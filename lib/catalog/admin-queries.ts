// Full catalog lists for the admin pages: inactive rows too, with names of what they point at
// and how much uses them (so the page can say why a delete is refused before it is tried).
import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { rows } from "@/db/rows";


export interface AdminDepartment {
  id: number;
  name: string;
  managerId: number | null;
  managerName: string | null;
  slaId: number | null;
  slaName: string | null;
  signature: string;
  isActive: boolean;
  staffCount: number;
  openTickets: number;
  tickets: number;
}

export async function adminDepartments(db: Executor): Promise<AdminDepartment[]> {
  const list = await rows<AdminDepartment>(
    db,
    sql`SELECT d.id, d.name, d.manager_id AS "managerId", m.name AS "managerName", d.sla_id AS "slaId", s.name AS "slaName",
          d.signature, d.is_active AS "isActive",
          (SELECT count(*)::int FROM staff_departments sd WHERE sd.dept_id = d.id) AS "staffCount",
          (SELECT count(*)::int FROM tickets t WHERE t.dept_id = d.id AND t.status IN ('open', 'awaiting_client')) AS "openTickets",
          (SELECT count(*)::int FROM tickets t WHERE t.dept_id = d.id) AS "tickets"
        FROM departments d LEFT JOIN staff m ON m.id = d.manager_id LEFT JOIN sla_plans s ON s.id = d.sla_id
        ORDER BY d.is_active DESC, lower(d.name)`,
  );
  return list;
}

export interface AdminTeam {
  id: number;
  name: string;
  leadId: number | null;
  leadName: string | null;
  isActive: boolean;
  members: Array<{ id: number; name: string; isActive: boolean }>;
  openTickets: number;
  tickets: number;
}

export async function adminTeams(db: Executor): Promise<AdminTeam[]> {
  const list = await rows<AdminTeam>(
    db,
    sql`SELECT t.id, t.name, t.lead_id AS "leadId", l.name AS "leadName", t.is_active AS "isActive",
          COALESCE((SELECT json_agg(json_build_object('id', s.id, 'name', s.name, 'isActive', s.is_active) ORDER BY lower(s.name))
                    FROM team_members tm JOIN staff s ON s.id = tm.staff_id WHERE tm.team_id = t.id), '[]'::json) AS members,
          (SELECT count(*)::int FROM tickets k WHERE k.team_id = t.id AND k.status IN ('open', 'awaiting_client')) AS "openTickets",
          (SELECT count(*)::int FROM tickets k WHERE k.team_id = t.id) AS "tickets"
        FROM teams t LEFT JOIN staff l ON l.id = t.lead_id
        ORDER BY t.is_active DESC, lower(t.name)`,
  );
  return list.map((t) => ({ ...t, members: typeof t.members === "string" ? JSON.parse(t.members) : t.members }));
}

export interface AdminTopic {
  id: number;
  name: string;
  deptId: number | null;
  deptName: string | null;
  priorityId: number | null;
  priorityName: string | null;
  slaId: number | null;
  slaName: string | null;
  docsRequired: boolean;
  isActive: boolean;
  tickets: number;
}

export async function adminTopics(db: Executor): Promise<AdminTopic[]> {
  return rows<AdminTopic>(
    db,
    sql`SELECT h.id, h.name, h.dept_id AS "deptId", d.name AS "deptName", h.priority_id AS "priorityId", p.name AS "priorityName",
          h.sla_id AS "slaId", s.name AS "slaName", h.docs_required AS "docsRequired", h.is_active AS "isActive",
          (SELECT count(*)::int FROM tickets t WHERE t.topic_id = h.id) AS "tickets"
        FROM help_topics h LEFT JOIN departments d ON d.id = h.dept_id LEFT JOIN priorities p ON p.id = h.priority_id
          LEFT JOIN sla_plans s ON s.id = h.sla_id
        ORDER BY h.is_active DESC, lower(h.name)`,
  );
}

export interface AdminPriority {
  id: number;
  name: string;
  urgency: number;
  color: string;
  isDefault: boolean;
  isActive: boolean;
  tickets: number;
}

export async function adminPriorities(db: Executor): Promise<AdminPriority[]> {
  return rows<AdminPriority>(
    db,
    sql`SELECT p.id, p.name, p.urgency, p.color, p.is_default AS "isDefault", p.is_active AS "isActive",
          (SELECT count(*)::int FROM tickets t WHERE t.priority_id = p.id) AS "tickets"
        FROM priorities p ORDER BY p.urgency DESC, lower(p.name)`,
  );
}

export interface AdminSlaPlan {
  id: number;
  name: string;
  graceHours: number;
  isActive: boolean;
  tickets: number;
  departments: number;
  topics: number;
}

export async function adminSlaPlans(db: Executor): Promise<AdminSlaPlan[]> {
  return rows<AdminSlaPlan>(
    db,
    sql`SELECT s.id, s.name, s.grace_hours AS "graceHours", s.is_active AS "isActive",
          (SELECT count(*)::int FROM tickets t WHERE t.sla_id = s.id) AS "tickets",
          (SELECT count(*)::int FROM departments d WHERE d.sla_id = s.id) AS "departments",
          (SELECT count(*)::int FROM help_topics h WHERE h.sla_id = s.id) AS "topics"
        FROM sla_plans s ORDER BY s.is_active DESC, s.grace_hours, lower(s.name)`,
  );
}
