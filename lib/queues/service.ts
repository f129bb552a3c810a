// Queues: the built-in ones and those staff save. A queue is visible to its owner, and to
// everyone when shared; only its owner or an admin changes it; built-in queues never change.
// Counts and tickets always apply the viewer's own scope, whoever made the queue.
import { and, asc, eq, or } from "drizzle-orm";
import type { Db, Executor } from "@/db/client";
import { queues, staff } from "@/db/schema";
import { recordEvent } from "@/lib/events";
import { AppError, type FieldErrors, toAppError, zodFieldErrors } from "@/lib/http/errors";
import { type Count, type Criteria, type ListPage, type SearchActor, compactCriteria, countMany, criteriaSchema, refineCriteria, searchTickets } from "@/lib/search";
import type { CreateQueueInput, QueueColumn, QueueId, UpdateQueueInput } from "./schemas";
import { systemQueue, systemQueues } from "./system";

export type QueueActor = SearchActor & { name: string };

export interface QueueView {
  id: string | number;
  name: string;
  kind: "system" | "personal" | "shared";
  owner: { id: number; name: string } | null;
  criteria: Criteria;
  /**
   * Set when the saved criteria no longer parse (saved before a rule got stricter): `criteria`
   * is then empty, the queue lists with no count and shows no tickets until edited or deleted.
   */
  criteriaErrors?: FieldErrors;
  columns: QueueColumn[];
  canEdit: boolean;
  position: number;
}

type QueueRow = typeof queues.$inferSelect & { ownerName: string | null };

function rowView(actor: QueueActor, r: QueueRow): QueueView {
  // Saved criteria are re-read through the schema: an old row never reaches the engines unchecked.
  const parsed = criteriaSchema.safeParse(r.criteria);
  return {
    id: r.id,
    name: r.name,
    kind: r.isShared ? "shared" : "personal",
    owner: { id: r.ownerId, name: r.ownerName ?? "" },
    ...(parsed.success ? { criteria: parsed.data } : { criteria: {}, criteriaErrors: prefixed(zodFieldErrors(parsed.error)) }),
    columns: r.columns as QueueColumn[],
    canEdit: r.ownerId === actor.id || actor.role === "admin",
    position: r.position,
  };
}

const prefixed = (errors: FieldErrors): FieldErrors => Object.fromEntries(Object.entries(errors).map(([k, v]) => [k === "_" ? "criteria" : `criteria.${k}`, v]));

const visibleTo = (actor: SearchActor) => or(eq(queues.ownerId, actor.id), eq(queues.isShared, true));

async function savedQueues(db: Executor, actor: QueueActor): Promise<QueueView[]> {
  const found = await db
    .select({ q: queues, ownerName: staff.name })
    .from(queues)
    .leftJoin(staff, eq(staff.id, queues.ownerId))
    .where(visibleTo(actor))
    .orderBy(asc(queues.position), asc(queues.id));
  return found.map((r) => rowView(actor, { ...r.q, ownerName: r.ownerName }));
}

const systemViews = (): QueueView[] =>
  systemQueues.map((s, i) => ({ id: s.slug, name: s.name, kind: "system", owner: null, criteria: s.criteria, columns: s.columns, canEdit: false, position: i }));

/**
 * Counts in one go (countMany), or, when that fails, one by one: a queue whose count the
 * database refuses is then unknown (null) instead of failing every queue's count.
 */
async function liveCounts(db: Executor, actor: QueueActor, list: Criteria[], now: Date): Promise<Array<Count | null>> {
  try {
    return await countMany(db, actor, list, now);
  } catch (e) {
    toAppError(e); // logged
    return Promise.all(list.map((c) => countMany(db, actor, [c], now).then(([n]) => n, (err: unknown) => (toAppError(err), null))));
  }
}

/** GET /queues: every queue the caller may see, with live counts (in the caller's scope). */
export async function listQueues(db: Executor, actor: QueueActor, now = new Date()) {
  const all = [...systemViews(), ...(await savedQueues(db, actor))];
  const countable = all.filter((q) => !q.criteriaErrors);
  const found = await liveCounts(db, actor, countable.map((q) => q.criteria), now);
  const counts = new Map(countable.map((q, i) => [q, found[i]]));
  // A count that gave up (a saved text search on a busy database) or could not be made (criteria
  // no longer valid) is shown as unknown.
  return all.map((q) => ({ ...q, count: counts.get(q)?.count ?? null, countExact: counts.get(q)?.exact ?? false }));
}

/** One queue; 404 when it does not exist or is another staff member's personal queue. */
export async function getQueue(db: Executor, actor: QueueActor, id: QueueId): Promise<QueueView> {
  if (typeof id === "string") {
    const s = systemQueue(id)!;
    return systemViews().find((v) => v.id === s.slug)!;
  }
  const [r] = await db
    .select({ q: queues, ownerName: staff.name })
    .from(queues)
    .leftJoin(staff, eq(staff.id, queues.ownerId))
    // Admins reach any saved queue (to fix or remove it); lists still show them only theirs and shared ones.
    .where(and(eq(queues.id, id), actor.role === "admin" ? undefined : visibleTo(actor)));
  if (!r) throw new AppError("not_found", `Queue ${id} not found`);
  return rowView(actor, { ...r.q, ownerName: r.ownerName });
}

async function editable(db: Executor, actor: QueueActor, id: QueueId) {
  if (typeof id === "string") throw new AppError("forbidden", `"${systemQueue(id)!.name}" is a built-in queue: it cannot be edited or deleted (save a copy of its criteria as your own queue instead)`);
  const q = await getQueue(db, actor, id);
  if (!q.canEdit) throw new AppError("forbidden", `Only ${q.owner?.name || "its owner"} or an admin can change the shared queue "${q.name}"`);
  return q;
}

export async function createQueue(db: Db, actor: QueueActor, input: CreateQueueInput) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(queues)
      .values({ name: input.name, ownerId: actor.id, isShared: input.shared, criteria: compactCriteria(input.criteria), columns: input.columns, position: input.position ?? 0 })
      .returning();
    await recordEvent(tx, { entityType: "queue", entityId: row.id, action: "created", staffId: actor.id, after: { name: row.name, shared: row.isShared, criteria: row.criteria } });
    return getQueue(tx, actor, row.id);
  });
}

export async function updateQueue(db: Db, actor: QueueActor, id: QueueId, input: UpdateQueueInput) {
  return db.transaction(async (tx) => {
    const before = await editable(tx, actor, id);
    const patch: Partial<typeof queues.$inferInsert> = {};
    if (input.name !== undefined) patch.name = input.name;
    if (input.criteria !== undefined) patch.criteria = compactCriteria(input.criteria);
    if (input.columns !== undefined) patch.columns = input.columns;
    if (input.shared !== undefined) patch.isShared = input.shared;
    if (input.position !== undefined) patch.position = input.position;
    await tx.update(queues).set(patch).where(eq(queues.id, before.id as number));
    await recordEvent(tx, { entityType: "queue", entityId: before.id as number, action: "edited", staffId: actor.id, before: { name: before.name, criteria: before.criteria }, after: patch });
    return getQueue(tx, actor, before.id as number);
  });
}

export async function deleteQueue(db: Db, actor: QueueActor, id: QueueId) {
  return db.transaction(async (tx) => {
    const q = await editable(tx, actor, id);
    await tx.delete(queues).where(eq(queues.id, q.id as number));
    await recordEvent(tx, { entityType: "queue", entityId: q.id as number, action: "deleted", staffId: actor.id, before: { name: q.name, criteria: q.criteria } });
    return { id: q.id };
  });
}

/** A queue whose saved criteria no longer parse shows no tickets (a 400 naming them) until it is edited. */
export function assertUsable(queue: QueueView) {
  if (queue.criteriaErrors) {
    throw AppError.fields(queue.criteriaErrors, `The saved criteria of queue "${queue.name}" are no longer valid; edit or delete the queue`);
  }
}

/** GET /queues/{id}/tickets: the queue's criteria through the search engines (same page shape). */
/** `refine`: criteria given with the request (panel filters) replace the queue's for those keys. */
export async function queueTickets(
  db: Executor,
  actor: QueueActor,
  id: QueueId,
  page: { cursor?: string; limit: number },
  now = new Date(),
  refine: Partial<Criteria> = {},
): Promise<ListPage & { queue: QueueView }> {
  const queue = await getQueue(db, actor, id);
  assertUsable(queue);
  const { engine: _engine, ...result } = await searchTickets(db, actor, refineCriteria(queue.criteria, refine), page, now);
  return { ...result, queue };
}
