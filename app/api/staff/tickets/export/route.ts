// GET /api/staff/tickets/export - CSV of a queue (queue=<id>) or of search criteria, streamed
import { getDb } from "@/db/client";
import { staffMethodNotAllowed, staffRoute } from "@/lib/http/staff-route";
import { AppError } from "@/lib/http/errors";
import { assertUsable, getQueue, queueIdParams } from "@/lib/queues";
import { refineCriteria } from "@/lib/search";
import { exportFileName, exportQuerySchema, exportTicketsCsv } from "@/lib/tickets";

export const dynamic = "force-dynamic";
export const maxDuration = 300;

export const GET = staffRoute({ permission: "tickets.export", query: exportQuerySchema }, async ({ staff, query }) => {
  const db = await getDb();
  const { queue, columns, tids, ...given } = query;
  let criteria = given;
  let name = queue;
  if (queue) {
    const parsed = queueIdParams.safeParse({ id: queue });
    if (!parsed.success) throw AppError.fields({ queue: "not a queue: a built-in one (open, mine, ...) or a saved queue's id" }, "Invalid query");
    const q = await getQueue(db, staff, parsed.data.id);
    assertUsable(q);
    criteria = refineCriteria(q.criteria, given);
    name = typeof q.id === "string" ? q.id : `queue-${q.id}`;
  }
  const body = await exportTicketsCsv(db, staff, criteria, columns, tids);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exportFileName(name)}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});

// Other methods: 405 in the envelope, with Allow.
const notAllowed = staffMethodNotAllowed(["GET"]);
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
