// Help topics (admins): how a new ticket is classified (department, priority, SLA, docs flag).
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { departments, helpTopics, priorities, slaPlans } from "@/db/schema";
import { recordEvent } from "@/lib/events";
import { AppError } from "@/lib/http/errors";
import { assertNameFree, assertRefs, assertUnused, uniqueName } from "./guards";
import type { CreateTopicInput, UpdateTopicInput } from "./schemas";

interface Actor {
  id: number;
}
type Row = typeof helpTopics.$inferSelect;

const LABEL = "help topic";
const pick = (r: Row) => ({ name: r.name, deptId: r.deptId, priorityId: r.priorityId, slaId: r.slaId, docsRequired: r.docsRequired, isActive: r.isActive });
const refs = (input: Partial<CreateTopicInput>) => [
  { field: "deptId", table: departments, ids: [input.deptId] },
  { field: "priorityId", table: priorities, ids: [input.priorityId] },
  { field: "slaId", table: slaPlans, ids: [input.slaId] },
];

export async function getTopic(db: Db, id: number): Promise<Row> {
  const [row] = await db.select().from(helpTopics).where(eq(helpTopics.id, id));
  if (!row) throw new AppError("not_found", `Help topic ${id} not found`);
  return row;
}

export async function createTopic(db: Db, actor: Actor, input: CreateTopicInput) {
  return uniqueName(LABEL, () =>
    db.transaction(async (tx) => {
      await assertNameFree(tx, helpTopics, LABEL, input.name);
      await assertRefs(tx, refs(input));
      const [row] = await tx.insert(helpTopics).values(input).returning();
      await recordEvent(tx, { entityType: "help_topic", entityId: row.id, action: "created", staffId: actor.id, after: pick(row) });
      return row;
    }),
  );
}

export async function updateTopic(db: Db, actor: Actor, id: number, input: UpdateTopicInput) {
  return uniqueName(LABEL, () =>
    db.transaction(async (tx) => {
      const [current] = await tx.select().from(helpTopics).where(eq(helpTopics.id, id)).for("update");
      if (!current) throw new AppError("not_found", `Help topic ${id} not found`);
      if (input.name !== undefined) await assertNameFree(tx, helpTopics, LABEL, input.name, id);
      await assertRefs(tx, refs(input));
      const [row] = await tx.update(helpTopics).set(input).where(eq(helpTopics.id, id)).returning();
      await recordEvent(tx, { entityType: "help_topic", entityId: id, action: "updated", staffId: actor.id, before: pick(current), after: pick(row) });
      return row;
    }),
  );
}

export async function deleteTopic(db: Db, actor: Actor, id: number) {
  await db.transaction(async (tx) => {
    const [current] = await tx.select().from(helpTopics).where(eq(helpTopics.id, id)).for("update");
    if (!current) throw new AppError("not_found", `Help topic ${id} not found`);
    await assertUnused(tx, LABEL, [{ table: "tickets", column: "topic_id", what: "ticket" }], id);
    await tx.delete(helpTopics).where(eq(helpTopics.id, id));
    await recordEvent(tx, { entityType: "help_topic", entityId: id, action: "deleted", staffId: actor.id, before: pick(current) });
  });
}
