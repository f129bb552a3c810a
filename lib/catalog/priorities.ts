// Priorities (admins): name, urgency order, colour, the default for new tickets.
import { and, eq, ne } from "drizzle-orm";
import type { Db, Executor } from "@/db/client";
import { priorities } from "@/db/schema";
import { recordEvent } from "@/lib/events";
import { AppError } from "@/lib/http/errors";
import { assertNameFree, assertNotDefault, assertUnused, uniqueName } from "./guards";
import type { CreatePriorityInput, UpdatePriorityInput } from "./schemas";

interface Actor {
  id: number;
}
type Row = typeof priorities.$inferSelect;

const LABEL = "priority";
const pick = (r: Row) => ({ name: r.name, urgency: r.urgency, color: r.color, isDefault: r.isDefault, isActive: r.isActive });

export async function getPriority(db: Db, id: number): Promise<Row> {
  const [row] = await db.select().from(priorities).where(eq(priorities.id, id));
  if (!row) throw new AppError("not_found", `Priority ${id} not found`);
  return row;
}

/** One default at a time: the new default takes the flag from the others. */
async function clearOtherDefaults(tx: Executor, id: number) {
  await tx.update(priorities).set({ isDefault: false }).where(and(ne(priorities.id, id), eq(priorities.isDefault, true)));
}

const inactiveDefault = () => AppError.fields({ isDefault: "The default priority must be active" });

export async function createPriority(db: Db, actor: Actor, input: CreatePriorityInput) {
  if (input.isDefault && !input.isActive) throw inactiveDefault();
  return uniqueName(LABEL, () =>
    db.transaction(async (tx) => {
      await assertNameFree(tx, priorities, LABEL, input.name);
      const [row] = await tx.insert(priorities).values(input).returning();
      if (row.isDefault) await clearOtherDefaults(tx, row.id);
      await recordEvent(tx, { entityType: LABEL, entityId: row.id, action: "created", staffId: actor.id, after: pick(row) });
      return row;
    }),
  );
}

export async function updatePriority(db: Db, actor: Actor, id: number, input: UpdatePriorityInput) {
  return uniqueName(LABEL, () =>
    db.transaction(async (tx) => {
      const [current] = await tx.select().from(priorities).where(eq(priorities.id, id)).for("update");
      if (!current) throw new AppError("not_found", `Priority ${id} not found`);
      if (input.name !== undefined) await assertNameFree(tx, priorities, LABEL, input.name, id);
      const next = { ...current, ...input };
      if (next.isDefault && !next.isActive) throw inactiveDefault();
      if (current.isDefault && input.isDefault === false) {
        throw new AppError("conflict", "Make another priority the default instead; there must be one", { errors: { isDefault: "Make another priority the default" } });
      }
      if (input.isActive === false && current.isActive) await assertNotDefault(tx, "defaultPriorityId", LABEL, id);
      const [row] = await tx.update(priorities).set(input).where(eq(priorities.id, id)).returning();
      if (input.isDefault && !current.isDefault) await clearOtherDefaults(tx, id);
      await recordEvent(tx, { entityType: LABEL, entityId: id, action: "updated", staffId: actor.id, before: pick(current), after: pick(row) });
      return row;
    }),
  );
}

export async function deletePriority(db: Db, actor: Actor, id: number) {
  await db.transaction(async (tx) => {
    const [current] = await tx.select().from(priorities).where(eq(priorities.id, id)).for("update");
    if (!current) throw new AppError("not_found", `Priority ${id} not found`);
    if (current.isDefault) throw new AppError("conflict", "This is the default priority; make another one the default first");
    await assertNotDefault(tx, "defaultPriorityId", LABEL, id);
    await assertUnused(tx, LABEL, [{ table: "tickets", column: "priority_id", what: "ticket" }], id);
    await tx.delete(priorities).where(eq(priorities.id, id));
    await recordEvent(tx, { entityType: LABEL, entityId: id, action: "deleted", staffId: actor.id, before: pick(current) });
  });
}
