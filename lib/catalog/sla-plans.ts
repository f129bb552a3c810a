// SLA plans (admins): the grace period that sets a new ticket's due date.
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { slaPlans } from "@/db/schema";
import { recordEvent } from "@/lib/events";
import { AppError } from "@/lib/http/errors";
import { assertNameFree, assertNotDefault, assertUnused, uniqueName } from "./guards";
import type { CreateSlaInput, UpdateSlaInput } from "./schemas";

interface Actor {
  id: number;
}
type Row = typeof slaPlans.$inferSelect;

const LABEL = "SLA plan";
const pick = (r: Row) => ({ name: r.name, graceHours: r.graceHours, isActive: r.isActive });

export async function getSlaPlan(db: Db, id: number): Promise<Row> {
  const [row] = await db.select().from(slaPlans).where(eq(slaPlans.id, id));
  if (!row) throw new AppError("not_found", `SLA plan ${id} not found`);
  return row;
}

export async function createSlaPlan(db: Db, actor: Actor, input: CreateSlaInput) {
  return uniqueName(LABEL, () =>
    db.transaction(async (tx) => {
      await assertNameFree(tx, slaPlans, LABEL, input.name);
      const [row] = await tx.insert(slaPlans).values(input).returning();
      await recordEvent(tx, { entityType: "sla_plan", entityId: row.id, action: "created", staffId: actor.id, after: pick(row) });
      return row;
    }),
  );
}

/** A new grace period applies to tickets created (or reopened) from now on; due dates already set stay. */
export async function updateSlaPlan(db: Db, actor: Actor, id: number, input: UpdateSlaInput) {
  return uniqueName(LABEL, () =>
    db.transaction(async (tx) => {
      const [current] = await tx.select().from(slaPlans).where(eq(slaPlans.id, id)).for("update");
      if (!current) throw new AppError("not_found", `SLA plan ${id} not found`);
      if (input.name !== undefined) await assertNameFree(tx, slaPlans, LABEL, input.name, id);
      if (input.isActive === false && current.isActive) await assertNotDefault(tx, "defaultSlaId", LABEL, id);
      const [row] = await tx.update(slaPlans).set(input).where(eq(slaPlans.id, id)).returning();
      await recordEvent(tx, { entityType: "sla_plan", entityId: id, action: "updated", staffId: actor.id, before: pick(current), after: pick(row) });
      return row;
    }),
  );
}

export async function deleteSlaPlan(db: Db, actor: Actor, id: number) {
  await db.transaction(async (tx) => {
    const [current] = await tx.select().from(slaPlans).where(eq(slaPlans.id, id)).for("update");
    if (!current) throw new AppError("not_found", `SLA plan ${id} not found`);
    await assertNotDefault(tx, "defaultSlaId", LABEL, id);
    await assertUnused(
      tx,
      LABEL,
      [
        { table: "tickets", column: "sla_id", what: "ticket" },
        { table: "departments", column: "sla_id", what: "department" },
        { table: "help_topics", column: "sla_id", what: "help topic" },
      ],
      id,
    );
    await tx.delete(slaPlans).where(eq(slaPlans.id, id));
    await recordEvent(tx, { entityType: "sla_plan", entityId: id, action: "deleted", staffId: actor.id, before: pick(current) });
  });
}
