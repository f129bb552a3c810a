// A page's tickets as list items, in the page's order. One statement on tickets with a scalar
// subquery per related name: planning an eight-table join took longer than running it.
import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { rows } from "@/db/rows";

export type MatchedField = "number" | "subject" | "requester" | "thread";

interface ItemRow {
  id: number;
  number: string;
  subject: string;
  status: string;
  source: string;
  created_at: string | Date;
  updated_at: string | Date;
  due_at: string | Date | null;
  last_message_at: string | Date | null;
  last_response_at: string | Date | null;
  is_overdue: boolean;
  is_answered: boolean;
  docs_required: boolean;
  docs_acknowledged_at: string | Date | null;
  ai_urgency: number | null;
  ai_urgency_level: string | null;
  merged_into_id: number | null;
  version: number;
  user: { id: number; name: string; email: string };
  organization: { id: number; name: string } | null;
  department: { id: number; name: string };
  topic: { id: number; name: string } | null;
  priority: { id: number; name: string; color: string | null; urgency: number };
  staff: { id: number; name: string } | null;
  team: { id: number; name: string } | null;
}

const obj = (table: string, alias: string, fields: string[], key: string): SQL =>
  sql.raw(`(SELECT json_build_object(${fields.map((f) => `'${f}', ${alias}.${f}`).join(", ")}) FROM ${table} ${alias} WHERE ${alias}.id = t.${key})`);
const date = (v: string | Date | null) => (v === null ? null : new Date(v));

export async function loadListItems(db: Executor, ids: number[], matched?: Map<number, MatchedField>) {
  if (!ids.length) return [];
  const found = await rows<ItemRow>(
    db,
    sql`SELECT t.id, t.number, t.subject, t.status, t.source, t.created_at, t.updated_at, t.due_at, t.last_message_at, t.last_response_at,
      t.is_overdue, t.is_answered, t.docs_required, t.docs_acknowledged_at, t.ai_urgency, t.ai_urgency_level, t.merged_into_id, t.version,
      ${obj("users", "u", ["id", "name", "email"], "user_id")} AS "user",
      ${obj("organizations", "o", ["id", "name"], "org_id")} AS organization,
      ${obj("departments", "d", ["id", "name"], "dept_id")} AS department,
      ${obj("help_topics", "h", ["id", "name"], "topic_id")} AS topic,
      ${obj("priorities", "p", ["id", "name", "color", "urgency"], "priority_id")} AS priority,
      ${obj("staff", "s", ["id", "name"], "staff_id")} AS staff,
      ${obj("teams", "tm", ["id", "name"], "team_id")} AS team
    FROM tickets t WHERE t.id IN ${ids}`,
  );
  const byId = new Map(found.map((r) => [Number(r.id), r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    return [
      {
        id: Number(r.id),
        number: r.number,
        subject: r.subject,
        status: r.status,
        source: r.source,
        createdAt: date(r.created_at)!,
        updatedAt: date(r.updated_at)!,
        dueAt: date(r.due_at),
        lastMessageAt: date(r.last_message_at),
        lastResponseAt: date(r.last_response_at),
        isOverdue: r.is_overdue,
        isAnswered: r.is_answered,
        docsRequired: r.docs_required,
        docsAcknowledgedAt: date(r.docs_acknowledged_at),
        aiUrgency: r.ai_urgency,
        aiUrgencyLevel: r.ai_urgency_level,
        mergedIntoId: r.merged_into_id,
        version: r.version,
        user: r.user,
        organization: r.organization,
        department: r.department,
        topic: r.topic,
        priority: r.priority,
        assignee: { staff: r.staff, team: r.team },
        ...(matched ? { matched: matched.get(id) ?? null } : {}),
      },
    ];
  });
}

export type ListItem = Awaited<ReturnType<typeof loadListItems>>[number];

export interface ListPage {
  items: ListItem[];
  /** Matching tickets; with totalExact false, at least this many (counting stopped there). */
  total: number;
  totalExact: boolean;
  nextCursor: string | null;
}
