// Staff, departments, teams: who works tickets and where.
import { type AnyPgColumn, boolean, index, integer, pgEnum, pgTable, primaryKey, serial, text, uniqueIndex } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { staffRoles } from "../enums";
import { createdAt, tz, updatedAt } from "./columns";
import { slaPlans } from "./catalog";

export const staffRole = pgEnum("staff_role", staffRoles);

export const departments = pgTable(
  "departments",
  {
    id: serial().primaryKey(),
    name: text().notNull(),
    managerId: integer().references((): AnyPgColumn => staff.id, { onDelete: "set null" }),
    slaId: integer().references(() => slaPlans.id, { onDelete: "set null" }),
    signature: text().notNull().default(""),
    isActive: boolean().notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("departments_name_idx").on(sql`lower(${t.name})`)],
);

export const staff = pgTable(
  "staff",
  {
    id: serial().primaryKey(),
    email: text().notNull(),
    name: text().notNull(),
    passwordHash: text(),
    role: staffRole().notNull().default("agent"),
    primaryDeptId: integer().references(() => departments.id, { onDelete: "set null" }),
    /** E.164, used for SMS escalation. */
    phone: text(),
    timezone: text().notNull().default("America/Chicago"),
    signature: text().notNull().default(""),
    smsOptOut: boolean().notNull().default(false),
    isActive: boolean().notNull().default(true),
    /** Bumped on deactivation and password change: JWT sessions carrying an older value are void. */
    sessionVersion: integer().notNull().default(1),
    lastLoginAt: tz(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("staff_email_idx").on(sql`lower(${t.email})`)],
);

export const staffDepartments = pgTable(
  "staff_departments",
  {
    staffId: integer()
      .notNull()
      .references(() => staff.id, { onDelete: "cascade" }),
    deptId: integer()
      .notNull()
      .references(() => departments.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.staffId, t.deptId] }), index("staff_departments_dept_idx").on(t.deptId)],
);

export const teams = pgTable(
  "teams",
  {
    id: serial().primaryKey(),
    name: text().notNull(),
    leadId: integer().references(() => staff.id, { onDelete: "set null" }),
    isActive: boolean().notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("teams_name_idx").on(sql`lower(${t.name})`)],
);

export const teamMembers = pgTable(
  "team_members",
  {
    teamId: integer()
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    staffId: integer()
      .notNull()
      .references(() => staff.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.staffId] }), index("team_members_staff_idx").on(t.staffId)],
);
