// Departments (admins): create, edit, deactivate, delete when unused.
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { departments, slaPlans, staff } from "@/db/schema";
import { recordEvent } from "@/lib/events";
import { AppError } from "@/lib/http/errors";
import { clearDepartmentStaffCache } from "@/lib/mail";
import { assertNameFree, assertNotDefault, assertRefs, assertUnused, uniqueName } from "./guards";
import type { CreateDepartmentInput, UpdateDepartmentInput } from "./schemas";

interface Actor {
  id: number;
}
type Row = typeof departments.$inferSelect;

const LABEL = "department";
const pick = (r: Row) => ({ name: r.name, managerId: r.managerId, slaId: r.slaId, isActive: r.isActive });

export async function getDepartment(db: Db, id: number): Promise<Row> {
  const [row] = await db.select().from(departments).where(eq(departments.id, id));
  if (!row) throw new AppError("not_found", `Department ${id} not found`);
  return row;
}

export async function createDepartment(db: Db, actor: Actor, input: CreateDepartmentInput) {
  return uniqueName(LABEL, () =>
    db.transaction(async (tx) => {
      await assertNameFree(tx, departments, LABEL, input.name);
      await assertRefs(tx, [
        { field: "managerId", table: staff, ids: [input.managerId], active: true },
        { field: "slaId", table: slaPlans, ids: [input.slaId] },
      ]);
      const [row] = await tx.insert(departments).values(input).returning();
      await recordEvent(tx, { entityType: LABEL, entityId: row.id, action: "created", staffId: actor.id, after: pick(row) });
      return row;
    }),
  );
}

export async function updateDepartment(db: Db, actor: Actor, id: number, input: UpdateDepartmentInput) {
  const row = await uniqueName(LABEL, () =>
    db.transaction(async (tx) => {
      const [current] = await tx.select().from(departments).where(eq(departments.id, id)).for("update");
      if (!current) throw new AppError("not_found", `Department ${id} not found`);
      if (input.name !== undefined) await assertNameFree(tx, departments, LABEL, input.name, id);
      if (input.isActive === false && current.isActive) await assertNotDefault(tx, "defaultDeptId", LABEL, id);
      await assertRefs(tx, [
        { field: "managerId", table: staff, ids: [input.managerId], active: true },
        { field: "slaId", table: slaPlans, ids: [input.slaId] },
      ]);
      const [updated] = await tx.update(departments).set(input).where(eq(departments.id, id)).returning();
      const action = input.isActive === false && current.isActive ? "deactivated" : input.isActive && !current.isActive ? "reactivated" : "updated";
      await recordEvent(tx, { entityType: LABEL, entityId: id, action, staffId: actor.id, before: pick(current), after: pick(updated) });
      return updated;
    }),
  );
  // The manager receives new-ticket alerts of the department.
  clearDepartmentStaffCache();
  return row;
}

export async function deleteDepartment(db: Db, actor: Actor, id: number) {
  await db.transaction(async (tx) => {
    const [current] = await tx.select().from(departments).where(eq(departments.id, id)).for("update");
    if (!current) throw new AppError("not_found", `Department ${id} not found`);
    await assertNotDefault(tx, "defaultDeptId", LABEL, id);
    await assertUnused(
      tx,
      LABEL,
      [
        { table: "tickets", column: "dept_id", what: "ticket" },
        { table: "tasks", column: "dept_id", what: "task" },
      ],
      id,
    );
    await tx.delete(departments).where(eq(departments.id, id));
    await recordEvent(tx, { entityType: LABEL, entityId: id, action: "deleted", staffId: actor.id, before: pick(current) });
  });
  clearDepartmentStaffCache();
}
