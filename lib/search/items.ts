// A page's tickets as list items, in the page's order: one json value per ticket, built by
// scalar subqueries (planning an eight-table join took longer than running it), so a page's
// keys and items can come from one statement.
import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { rows } from "@/db/rows";

export type MatchedField = "number" | "subject" | "requester" | "thread";

interface ItemJson {
  id: number;
  number: string;
  subject: string;
  status: string;
  source: string;
  createdAt: string;
  updatedAt: string;
  dueAt: string | null;
  lastMessageAt: string | null;
  lastResponseAt: string | null;
  isOverdue: boolean;
  isAnswered: boolean;
  docsRequired: boolean;
  docsAcknowledgedAt: string | null;
  escalatedAt: string | null;
  aiUrgency: number | null;
  aiUrgencyLevel: string | null;
  mergedIntoId: number | null;
  version: number;
  user: { id: number; name: string; email: string };
  organization: { id: number; name: string } | null;
  department: { id: number; name: string };
  topic: { id: number; name: string } | null;
  priority: { id: number; name: string; color: string | null; urgency: number };
  staff: { id: number; name: string } | null;
  team: { id: number; name: string } | null;
}

const obj = (table: string, alias: string, fields: string[], key: string) =>
  `(SELECT json_build_object(${fields.map((f) => `'${f}', ${alias}.${f}`).join(", ")}) FROM ${table} ${alias} WHERE ${alias}.id = t.${key})`;

const ITEM_FIELDS = sql.raw(
  [
    ...Object.entries({
      id: "id", number: "number", subject: "subject", status: "status", source: "source", createdAt: "created_at", updatedAt: "updated_at", dueAt: "due_at",
      lastMessageAt: "last_message_at", lastResponseAt: "last_response_at", isOverdue: "is_overdue", isAnswered: "is_answered", docsRequired: "docs_required",
      docsAcknowledgedAt: "docs_acknowledged_at", escalatedAt: "escalated_at", aiUrgency: "ai_urgency", aiUrgencyLevel: "ai_urgency_level", mergedIntoId: "merged_into_id", version: "version",
    }).map(([k, col]) => `'${k}', t.${col}`),
    `'user', ${obj("users", "u", ["id", "name", "email"], "user_id")}`,
    `'organization', ${obj("organizations", "o", ["id", "name"], "org_id")}`,
    `'department', ${obj("departments", "d", ["id", "name"], "dept_id")}`,
    `'topic', ${obj("help_topics", "h", ["id", "name"], "topic_id")}`,
    `'priority', ${obj("priorities", "p", ["id", "name", "color", "urgency"], "priority_id")}`,
    `'staff', ${obj("staff", "s", ["id", "name"], "staff_id")}`,
    `'team', ${obj("teams", "tm", ["id", "name"], "team_id")}`,
  ].join(", "),
);

/** The list item of the ticket whose id is `id` (a column of the outer query), as one json value. */
export const itemJsonSql = (id: SQL) => sql`(SELECT json_build_object(${ITEM_FIELDS}) FROM tickets t WHERE t.id = ${id})`;

const date = (v: string | null) => (v === null ? null : new Date(v));

export function toListItem(j: ItemJson, matched?: MatchedField | null) {
  const { staff, team, createdAt, updatedAt, dueAt, lastMessageAt, lastResponseAt, docsAcknowledgedAt, escalatedAt, ...rest } = j;
  return {
    ...rest,
    createdAt: date(createdAt)!,
    updatedAt: date(updatedAt)!,
    dueAt: date(dueAt),
    lastMessageAt: date(lastMessageAt),
    lastResponseAt: date(lastResponseAt),
    docsAcknowledgedAt: date(docsAcknowledgedAt),
    escalatedAt: date(escalatedAt),
    assignee: { staff, team },
    ...(matched !== undefined ? { matched } : {}),
  };
}

/** Items for these ids, in this order. */
export async function loadListItems(db: Executor, ids: number[], matched?: Map<number, MatchedField>) {
  if (!ids.length) return [];
  const found = await rows<{ item: ItemJson | null }>(db, sql`SELECT ${itemJsonSql(sql.raw("x.id"))} AS item FROM unnest(${sql.param(ids)}::int[]) WITH ORDINALITY AS x(id, n) ORDER BY x.n`);
  return found.flatMap((r) => (r.item ? [toListItem(r.item, matched ? (matched.get(r.item.id) ?? null) : undefined)] : []));
}

export type { ItemJson };

export type ListItem = ReturnType<typeof toListItem>;

export interface ListPage {
  items: ListItem[];
  /** Matching tickets; with totalExact false, at least this many (counting stopped there). */
  total: number;
  totalExact: boolean;
  nextCursor: string | null;
}
