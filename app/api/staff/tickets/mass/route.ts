// POST /api/staff/tickets/mass - one action on up to 500 tickets, with a result per ticket
import { getDb } from "@/db/client";
import { ok } from "@/lib/http/envelope";
import { staffMethodNotAllowed, staffRoute } from "@/lib/http/staff-route";
import { massAction, massSchema } from "@/lib/tickets";

export const dynamic = "force-dynamic";
export const maxDuration = 60;

export const POST = staffRoute({ permission: "tickets.view", body: massSchema }, async ({ staff, body }) => {
  const result = await massAction(await getDb(), staff, body);
  return ok(result, { message: `${result.succeeded} done, ${result.failed} failed` });
});

// Other methods: 405 in the envelope, with Allow.
const notAllowed = staffMethodNotAllowed(["POST"]);
export const GET = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
