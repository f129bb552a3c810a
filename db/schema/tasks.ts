// Tasks: internal work items of a department, optionally linked to a ticket, with their own
// thread of notes. Visibility follows the department rule of tickets (lib/tasks/scope.ts).
import { index, integer, pgEnum, pgTable, serial, text, varchar } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { taskStatuses } from "../enums";
import { createdAt, tz, updatedAt } from "./columns";
import { departments, staff, teams } from "./staff";
import { tickets } from "./tickets";

export const taskStatus = pgEnum("task_status", taskStatuses);

export const tasks = pgTable(
  "tasks",
  {
    id: serial().primaryKey(),
    title: varchar({ length: 255 }).notNull(),
    description: text().notNull().default(""),
    status: taskStatus().notNull().default("open"),
    /** A purged ticket leaves its tasks in place, unlinked. */
    ticketId: integer().references(() => tickets.id, { onDelete: "set null" }),
    /** Departments in use by tasks cannot be deleted (lib/catalog checks before deleting). */
    deptId: integer()
      .notNull()
      .references(() => departments.id),
    staffId: integer().references(() => staff.id, { onDelete: "set null" }),
    teamId: integer().references(() => teams.id, { onDelete: "set null" }),
    dueAt: tz(),
    createdById: integer().references(() => staff.id, { onDelete: "set null" }),
    closedAt: tz(),
    closedById: integer().references(() => staff.id, { onDelete: "set null" }),
    /** Bumped on every change, for If-Match / expectedVersion like tickets. */
    version: integer().notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("tasks_ticket_idx").on(t.ticketId).where(sql`${t.ticketId} IS NOT NULL`),
    index("tasks_dept_status_idx").on(t.deptId, t.status, t.id),
    index("tasks_staff_status_idx").on(t.staffId, t.status),
    index("tasks_team_status_idx").on(t.teamId, t.status),
    index("tasks_due_idx").on(t.dueAt),
  ],
);

/** A task's thread: internal notes, never mailed. */
export const taskEntries = pgTable(
  "task_entries",
  {
    id: serial().primaryKey(),
    taskId: integer()
      .notNull()
      .references(() => tasks.id, { onDelete: "cascade" }),
    staffId: integer().references(() => staff.id, { onDelete: "set null" }),
    /** Kept as written even if the staff member is renamed. */
    posterName: text(),
    bodyText: text().notNull(),
    bodyHtml: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("task_entries_task_idx").on(t.taskId, t.createdAt)],
);
