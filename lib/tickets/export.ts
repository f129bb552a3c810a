// CSV export of a queue or search: the columns osTicket exports (or a chosen subset), streamed
// in keyset batches so memory stays bounded however many rows match, UTF-8 with a BOM,
// formula-looking cells neutralised (csv.ts).
import { and, desc, eq, inArray, lt, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { departments, helpTopics, organizations, priorities, staff, teams, tickets, users } from "@/db/schema";
import type { Actor } from "./actor";
import { type CsvValue, UTF8_BOM, csvRow } from "./csv";
import { type Criteria, criteriaSql, textMatch } from "@/lib/search";
import { type ExportColumn, exportColumnKeys } from "./schemas";

const BATCH = 1000;

function fetchBatch(db: Executor, actor: Actor, c: Criteria, tids: number[] | undefined, beforeId: number | null) {
  const text = textMatch(c.q);
  return db
    .select({
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
    .where(and(criteriaSql(c, actor), text?.any, tids?.length ? inArray(tickets.id, tids) : undefined, beforeId === null ? undefined : lt(tickets.id, beforeId)))
    .orderBy(desc(tickets.id))
    .limit(BATCH);
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
export async function exportTicketsCsv(db: Executor, actor: Actor, c: Criteria, chosen?: ExportColumn[], tids?: number[]): Promise<ReadableStream<Uint8Array>> {
  const columns = chosen?.length ? chosen : [...exportColumnKeys];
  const encoder = new TextEncoder();
  const encode = (rows: ExportRow[]) => encoder.encode(rows.map((r) => csvRow(columns.map((c) => r[c] as CsvValue))).join(""));
  const first = await fetchBatch(db, actor, c, tids, null);
  let beforeId: number | null = first.length ? first[first.length - 1].id : null;
  let done = first.length < BATCH;
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
          const rows: ExportRow[] = await fetchBatch(db, actor, c, tids, beforeId);
          if (rows.length) {
            beforeId = rows[rows.length - 1].id;
            controller.enqueue(encode(rows));
          }
          done = rows.length < BATCH;
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
