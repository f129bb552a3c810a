// GET /api/staff/tickets/lookup?number= - a ticket by its public number (search box, merge picker); 404 outside the caller's scope
import { getDb } from "@/db/client";
import { ok } from "@/lib/http/envelope";
import { staffMethodNotAllowed, staffRoute } from "@/lib/http/staff-route";
import { findTicketByNumber, ticketNumberQuery } from "@/lib/tickets";

export const dynamic = "force-dynamic";

export const GET = staffRoute({ permission: "tickets.view", query: ticketNumberQuery }, async ({ staff, query }) =>
  ok(await findTicketByNumber(await getDb(), staff, query.number)),
);

// Other methods: 405 in the envelope, with Allow.
const notAllowed = staffMethodNotAllowed(["GET"]);
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
