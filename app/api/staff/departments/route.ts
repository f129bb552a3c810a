// GET|POST /api/staff/departments - active departments (isMember: may transfer into), for pickers / create (admins)
import { getDb } from "@/db/client";
import { createDepartmentSchema, createDepartment, listDepartments } from "@/lib/catalog";
import { created, ok } from "@/lib/http/envelope";
import { staffMethodNotAllowed, staffRoute } from "@/lib/http/staff-route";

export const dynamic = "force-dynamic";

export const GET = staffRoute({}, async ({ staff }) => ok(await listDepartments(await getDb(), staff)));

export const POST = staffRoute({ permission: "settings.manage", body: createDepartmentSchema }, async ({ staff, body }) =>
  created(await createDepartment(await getDb(), staff, body), "Department created"),
);

// Other methods: 405 in the envelope, with Allow.
const notAllowed = staffMethodNotAllowed(["GET", "POST"]);
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
