// GET /api/staff/tickets/export - CSV of a queue or search (same filters), streamed
import { getDb } from "@/db/client";
import { staffRoute } from "@/lib/http/staff-route";
import { exportFileName, exportQuerySchema, exportTicketsCsv } from "@/lib/tickets";

export const dynamic = "force-dynamic";
export const maxDuration = 300;

export const GET = staffRoute({ permission: "tickets.export", query: exportQuerySchema }, async ({ staff, query }) => {
  const body = exportTicketsCsv(await getDb(), staff, query);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exportFileName(query.queue)}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
