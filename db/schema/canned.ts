// Canned responses: reusable reply bodies with %{variables}, per department or for all.
import { boolean, index, integer, pgEnum, pgTable, serial, text } from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./columns";
import { departments, staff } from "./staff";

export const cannedFormat = pgEnum("canned_format", ["text", "html"]);

export const cannedResponses = pgTable(
  "canned_responses",
  {
    id: serial().primaryKey(),
    title: text().notNull(),
    body: text().notNull(),
    format: cannedFormat().notNull().default("text"),
    /** Null: available in every department. */
    deptId: integer().references(() => departments.id, { onDelete: "cascade" }),
    isActive: boolean().notNull().default(true),
    createdById: integer().references(() => staff.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("canned_responses_dept_idx").on(t.deptId)],
);
