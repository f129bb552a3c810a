// Sort keys as SQL expressions that are never NULL (so keyset comparisons are plain), each
// with the type its cursor value is cast back to. Cursor values travel as PostgreSQL's text
// form: timestamps keep their microseconds, which a JavaScript Date would lose.
import { type SQL, sql } from "drizzle-orm";
import { ticketStatuses } from "@/db/enums";
import { tickets } from "@/db/schema";
import { MAX_DB_ID } from "@/lib/http/ids";
import type { SortKey, SortTerm } from "./criteria";

interface SortDef {
  expr: SQL;
  type: "timestamptz" | "int" | "text" | "ticket_status";
}

const defs: Record<Exclude<SortKey, "relevance">, SortDef> = {
  number: { expr: sql`lpad(${tickets.number}, 12, '0')`, type: "text" },
  subject: { expr: sql`lower(${tickets.subject})`, type: "text" },
  created: { expr: sql`${tickets.createdAt}`, type: "timestamptz" },
  updated: { expr: sql`${tickets.updatedAt}`, type: "timestamptz" },
  due: { expr: sql`coalesce(${tickets.dueAt}, 'infinity'::timestamptz)`, type: "timestamptz" },
  priority: { expr: sql`coalesce((SELECT p.urgency FROM priorities p WHERE p.id = ${tickets.priorityId}), 0)`, type: "int" },
  status: { expr: sql`${tickets.status}`, type: "ticket_status" },
  urgency: { expr: sql`coalesce(${tickets.aiUrgency}::int, -1)`, type: "int" },
  user: { expr: sql`coalesce((SELECT lower(u.name) FROM users u WHERE u.id = ${tickets.userId}), '')`, type: "text" },
  org: { expr: sql`coalesce((SELECT lower(o.name) FROM organizations o WHERE o.id = ${tickets.orgId}), '')`, type: "text" },
  dept: { expr: sql`coalesce((SELECT lower(d.name) FROM departments d WHERE d.id = ${tickets.deptId}), '')`, type: "text" },
  assignee: {
    expr: sql`coalesce((SELECT lower(s.name) FROM staff s WHERE s.id = ${tickets.staffId}), (SELECT lower(tm.name) FROM teams tm WHERE tm.id = ${tickets.teamId}), '')`,
    type: "text",
  },
  lastMessage: { expr: sql`coalesce(${tickets.lastMessageAt}, '-infinity'::timestamptz)`, type: "timestamptz" },
  lastResponse: { expr: sql`coalesce(${tickets.lastResponseAt}, '-infinity'::timestamptz)`, type: "timestamptz" },
};

export interface SortColumn {
  expr: SQL;
  type: SortDef["type"];
  order: "asc" | "desc";
}

/** The columns of an ORDER BY for these terms; the ticket id breaks ties (direction of the last term). */
export function sortColumns(terms: SortTerm[]): SortColumn[] {
  const cols: SortColumn[] = terms.filter((t) => t.key !== "relevance").map((t) => ({ ...defs[t.key as Exclude<SortKey, "relevance">], order: t.order }));
  const last = cols[cols.length - 1]?.order ?? "desc";
  return [...cols, { expr: sql`${tickets.id}`, type: "int", order: last }];
}

export const orderBySql = (cols: SortColumn[]) => sql.join(cols.map((c) => sql`${c.expr} ${sql.raw(c.order === "asc" ? "ASC" : "DESC")}`), sql`, `);

/** Selected as k0, k1, ... so the last row of a page gives the cursor. */
export const keySelect = (cols: SortColumn[]) => sql.join(cols.map((c, i) => sql`(${c.expr})::text AS ${sql.raw(`k${i}`)}`), sql`, `);

/** PostgreSQL's text form of a timestamptz (DateStyle ISO): 2024-05-01 10:00:00.123456+02[:30]. */
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?[+-]\d{2}(:\d{2}){0,2}$/;

function isTimestamp(v: string): boolean {
  if (v === "infinity" || v === "-infinity") return true;
  const m = TIMESTAMP.exec(v);
  if (!m) return false;
  const [y, mo, d, h, mi, se] = m.slice(1, 7).map(Number);
  const t = new Date(0);
  t.setUTCFullYear(y, mo - 1, d);
  t.setUTCHours(h, mi, se);
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d && t.getUTCHours() === h && t.getUTCMinutes() === mi && t.getUTCSeconds() === se;
}

const fits: Record<SortDef["type"], (v: string) => boolean> = {
  int: (v) => /^-?\d{1,10}$/.test(v) && Math.abs(Number(v)) <= MAX_DB_ID,
  // No NUL and no lone surrogate: PostgreSQL text cannot hold them.
  text: (v) => !/\u0000|\p{Cs}/u.test(v),
  timestamptz: isTimestamp,
  ticket_status: (v) => (ticketStatuses as readonly string[]).includes(v),
};

/** Whether cursor values fit these columns: one per column, each castable to its type. */
export const cursorValuesFit = (cols: SortColumn[], values: readonly string[]) => values.length === cols.length && cols.every((c, i) => fits[c.type](values[i]));

const cast = (c: SortColumn, v: string) => sql`CAST(${v} AS ${sql.raw(c.type)})`;

/** Rows strictly after `values` in this order (a row comparison when all directions agree). */
export function afterSql(cols: SortColumn[], values: string[]): SQL {
  if (cols.every((c) => c.order === cols[0].order)) {
    const op = sql.raw(cols[0].order === "asc" ? ">" : "<");
    return sql`(${sql.join(cols.map((c) => c.expr), sql`, `)}) ${op} (${sql.join(cols.map((c, i) => cast(c, values[i])), sql`, `)})`;
  }
  const ors = cols.map((c, i) => {
    const eqs = cols.slice(0, i).map((p, j) => sql`${p.expr} = ${cast(p, values[j])}`);
    const cmp = sql`${c.expr} ${sql.raw(c.order === "asc" ? ">" : "<")} ${cast(c, values[i])}`;
    return sql`(${sql.join([...eqs, cmp], sql` AND `)})`;
  });
  return sql`(${sql.join(ors, sql` OR `)})`;
}
