// CSV export of a queue or search: the columns osTicket exports (or a chosen subset), in the
// list's own order (its sort keys, as the queue view pages them; relevance, which has no stable
// key, becomes newest first), streamed in keyset batches so memory stays bounded however many
// rows match, UTF-8 with a BOM, formula-looking cells neutralised (csv.ts).
import { type SQL, and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { departments, helpTopics, organizations, priorities, staff, teams, tickets, users } from "@/db/schema";
import type { Actor } from "./actor";
import { type CsvValue, UTF8_BOM, csvRow } from "./csv";
import { type Criteria, criteriaSql, sortTerms, textMatch } from "@/lib/search";
import { type SortColumn, afterSql, orderBySql, sortColumns } from "@/lib/search/sort";
import { type ExportColumn, exportColumnKeys } from "./schemas";

// Rows per query. A sort without an index (assignee, organization) re-sorts the matching rows
// for each batch, so larger batches export those faster, at the price of memory (bench/export.ts:
// 1,000 rows keep the heap peak near 20 MB; 5,000 took it past 100 MB).
const BATCH = 1000;

function fetchBatch(db: Executor, actor: Actor, c: Criteria, tids: number[] | undefined, cols: SortColumn[], after: string[] | null, batch: number) {
  const text = textMatch(c.q);
  // The sort keys as text (k0, k1, ...): the last row's keys start the next batch.
  const keys = Object.fromEntries(cols.map((col, i) => [`k${i}`, sql<string>`(${col.expr})::text`])) as Record<string, SQL<string>>;
  return db
    .select({
      ...keys,
      id: tickets.id,
      number: tickets.number,
      created: tickets.createdAt,
      subject: tickets.subject,
      from: users.name,
      email: users.email,
      organization: organizations.name,
      priority: priorities.name,
      department: departments.name,
      topic: helpTopics.name,
      source: tickets.source,
      status: tickets.status,
      updated: tickets.updatedAt,
      due: tickets.dueAt,
      closed: tickets.closedAt,
      overdue: tickets.isOverdue,
      answered: tickets.isAnswered,
      assignee: staff.name,
      team: teams.name,
      threadCount: sql<number>`(SELECT count(*)::int FROM thread_entries e WHERE e.ticket_id = ${tickets.id})`,
      attachmentCount: sql<number>`(SELECT count(*)::int FROM attachments a WHERE a.ticket_id = ${tickets.id} AND a.deleted_at IS NULL)`,
      lastMessage: tickets.lastMessageAt,
      lastResponse: tickets.lastResponseAt,
      // The first message, cut to a spreadsheet cell's limit (32,767 characters).
      message: sql<string | null>`(SELECT left(e.body_text, 32000) FROM thread_entries e
        WHERE e.ticket_id = ${tickets.id} AND e.type = 'message' ORDER BY e.created_at, e.id LIMIT 1)`,
    })
    .from(tickets)
    .innerJoin(users, eq(users.id, tickets.userId))
    .innerJoin(departments, eq(departments.id, tickets.deptId))
    .innerJoin(priorities, eq(priorities.id, tickets.priorityId))
    .leftJoin(organizations, eq(organizations.id, tickets.orgId))
    .leftJoin(helpTopics, eq(helpTopics.id, tickets.topicId))
    .leftJoin(staff, eq(staff.id, tickets.staffId))
    .leftJoin(teams, eq(teams.id, tickets.teamId))
    .where(and(criteriaSql(c, actor), text?.any, tids?.length ? inArray(tickets.id, tids) : undefined, after ? afterSql(cols, after) : undefined))
    .orderBy(orderBySql(cols))
    .limit(batch);
}

type ExportRow = Awaited<ReturnType<typeof fetchBatch>>[number];

export const columnHeaders: Record<ExportColumn, string> = {
  number: "Ticket Number",
  created: "Date Created (UTC)",
  subject: "Subject",
  from: "From",
  email: "From Email",
  organization: "Organization",
  priority: "Priority",
  department: "Department",
  topic: "Help Topic",
  source: "Source",
  status: "Current Status",
  updated: "Last Updated (UTC)",
  due: "Due Date (UTC)",
  closed: "Closed Date (UTC)",
  overdue: "Overdue",
  answered: "Answered",
  assignee: "Agent Assigned",
  team: "Team Assigned",
  threadCount: "Thread Count",
  attachmentCount: "Attachment Count",
  lastMessage: "Last Message (UTC)",
  lastResponse: "Last Response (UTC)",
  message: "Message",
};

export function exportFileName(queue: string | undefined, now = new Date()): string {
  return `${queue ?? "tickets"}-${now.toISOString().slice(0, 10).replace(/-/g, "")}.csv`;
}

/**
 * The CSV as a byte stream: header and first batch, then one batch per pull. The first batch is
 * read before the stream is returned, so a query that fails (bad criteria, a timeout) is an error
 * answer rather than a 200 with a header line and nothing else. A later failure aborts the
 * stream, which a client sees as a broken download, never as a complete but short file.
 */
export async function exportTicketsCsv(
  db: Executor,
  actor: Actor,
  c: Criteria,
  chosen?: ExportColumn[],
  tids?: number[],
  batch = BATCH,
): Promise<ReadableStream<Uint8Array>> {
  const columns = chosen?.length ? chosen : [...exportColumnKeys];
  const encoder = new TextEncoder();
  const encode = (rows: ExportRow[]) => encoder.encode(rows.map((r) => csvRow(columns.map((c) => r[c] as CsvValue))).join(""));
  const cols = sortColumns(sortTerms(c));
  const keysOf = (row: ExportRow) => cols.map((_, i) => (row as unknown as Record<string, string>)[`k${i}`]);
  const first = await fetchBatch(db, actor, c, tids, cols, null, batch);
  let after: string[] | null = first.length ? keysOf(first[first.length - 1]) : null;
  let done = first.length < batch;
  let started = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!started) {
          started = true;
          controller.enqueue(encoder.encode(UTF8_BOM + csvRow(columns.map((c) => columnHeaders[c]))));
          if (first.length) controller.enqueue(encode(first));
          if (done) controller.close();
          return;
        }
        try {
          const rows: ExportRow[] = await fetchBatch(db, actor, c, tids, cols, after, batch);
          if (rows.length) {
            after = keysOf(rows[rows.length - 1]);
            controller.enqueue(encode(rows));
          }
          done = rows.length < batch;
          if (done) controller.close();
        } catch (e) {
          console.error("[export] the CSV stream failed after its first rows:", e instanceof Error ? e.message : e);
          controller.error(e);
        }
      },
    },
    { highWaterMark: 1 },
  );
}
