// Permission-matrix cases of the admin endpoints (catalog management, API keys, settings,
// outbox): admins only. Kept apart from the ticket cases so each area's list stays readable;
// app/api/staff/permission-matrix.int.test.ts spreads them into its table.
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rows } from "@/db/rows";
import * as apiKeyOne from "@/app/api/staff/api-keys/[id]/route";
import * as apiKeys from "@/app/api/staff/api-keys/route";
import * as deptOne from "@/app/api/staff/departments/[id]/route";
import * as depts from "@/app/api/staff/departments/route";
import * as outboxOne from "@/app/api/staff/outbox/[id]/route";
import * as outboxRetry from "@/app/api/staff/outbox/[id]/retry/route";
import * as outbox from "@/app/api/staff/outbox/route";
import * as priorityOne from "@/app/api/staff/priorities/[id]/route";
import * as priorities from "@/app/api/staff/priorities/route";
import * as settings from "@/app/api/staff/settings/route";
import * as slaOne from "@/app/api/staff/sla/[id]/route";
import * as sla from "@/app/api/staff/sla/route";
import * as teamOne from "@/app/api/staff/teams/[id]/route";
import * as teams from "@/app/api/staff/teams/route";
import * as topicOne from "@/app/api/staff/topics/[id]/route";
import * as topics from "@/app/api/staff/topics/route";
import type { callRoute } from "./auth";

type Handler = Parameters<typeof callRoute>[0];
type Roles = "none" | "agentIn" | "agentOut" | "referred" | "manager" | "admin" | "inactive";
export interface MatrixCase {
  handler: Handler;
  method: string;
  setup: () => Promise<{ path: string; params?: Record<string, string>; body?: unknown }>;
  expect: Record<Roles, number>;
  /** Reads the cell's status from a 200 answer (e.g. data: null: the caller sees nothing of the owner's). */
  probe?: (res: Awaited<ReturnType<typeof callRoute>>, tid: number) => number;
}

const adminOnly = (ok: number): Record<Roles, number> => ({ none: 401, agentIn: 403, agentOut: 403, referred: 403, manager: 403, admin: ok, inactive: 401 });
const unique = (prefix: string) => `${prefix} ${Math.random().toString(36).slice(2, 10)}`;

export function adminMatrixCases(db: Db): Record<string, MatrixCase> {
  const insert = async (query: ReturnType<typeof sql>) => (await rows<{ id: number }>(db, query))[0].id;
  /** GET, PATCH and DELETE of one fresh row of a catalog table. */
  const one = (route: string, mod: { GET: Handler; PATCH: Handler; DELETE: Handler }, create: () => Promise<number>, patch: unknown) => {
    const target = async () => {
      const id = await create();
      return { path: `/api/staff/${route}/${id}`, params: { id: String(id) } };
    };
    return {
      [`GET /${route}/{id}`]: { handler: mod.GET, method: "GET", setup: target, expect: adminOnly(200) },
      [`PATCH /${route}/{id}`]: { handler: mod.PATCH, method: "PATCH", setup: async () => ({ ...(await target()), body: patch }), expect: adminOnly(200) },
      [`DELETE /${route}/{id}`]: { handler: mod.DELETE, method: "DELETE", setup: target, expect: adminOnly(200) },
    } satisfies Record<string, MatrixCase>;
  };
  const create = (route: string, handler: Handler, body: () => unknown): Record<string, MatrixCase> => ({
    [`POST /${route}`]: { handler, method: "POST", setup: async () => ({ path: `/api/staff/${route}`, body: body() }), expect: adminOnly(201) },
  });
  const mail = () =>
    insert(sql`INSERT INTO outbound_mail (kind, status, from_address, "to", subject, body_text, message_id, last_error)
               VALUES ('other', 'unsent', 'desk@example.com', ARRAY['x@example.net'], 'Hello', 'Hi', ${unique("m").replace(" ", "-")}, 'SMTP not configured') RETURNING id`);

  return {
    ...create("departments", depts.POST, () => ({ name: unique("Dept") })),
    ...one("departments", deptOne, () => insert(sql`INSERT INTO departments (name) VALUES (${unique("Dept")}) RETURNING id`), { signature: "x" }),
    ...create("teams", teams.POST, () => ({ name: unique("Team") })),
    ...one("teams", teamOne, () => insert(sql`INSERT INTO teams (name) VALUES (${unique("Team")}) RETURNING id`), { name: unique("Team") }),
    ...create("topics", topics.POST, () => ({ name: unique("Topic") })),
    ...one("topics", topicOne, () => insert(sql`INSERT INTO help_topics (name) VALUES (${unique("Topic")}) RETURNING id`), { docsRequired: true }),
    ...create("priorities", priorities.POST, () => ({ name: unique("Prio"), urgency: 7 })),
    ...one("priorities", priorityOne, () => insert(sql`INSERT INTO priorities (name, urgency) VALUES (${unique("Prio")}, 7) RETURNING id`), { color: "#123456" }),
    ...create("sla", sla.POST, () => ({ name: unique("SLA"), graceHours: 8 })),
    ...one("sla", slaOne, () => insert(sql`INSERT INTO sla_plans (name, grace_hours) VALUES (${unique("SLA")}, 8) RETURNING id`), { graceHours: 9 }),
    "GET /api-keys": { handler: apiKeys.GET, method: "GET", setup: async () => ({ path: "/api/staff/api-keys" }), expect: adminOnly(200) },
    ...create("api-keys", apiKeys.POST, () => ({ name: unique("Key") })),
    ...one(
      "api-keys",
      apiKeyOne,
      () => insert(sql`INSERT INTO api_keys (name, prefix, key_hash) VALUES ('k', 'hd_x', ${unique("hash").replace(" ", "-")}) RETURNING id`),
      { rateLimit: 10 },
    ),
    "GET /settings": { handler: settings.GET, method: "GET", setup: async () => ({ path: "/api/staff/settings" }), expect: adminOnly(200) },
    "PUT /settings": { handler: settings.PUT, method: "PUT", setup: async () => ({ path: "/api/staff/settings", body: { autoCloseDays: 9 } }), expect: adminOnly(200) },
    "GET /outbox": { handler: outbox.GET, method: "GET", setup: async () => ({ path: "/api/staff/outbox" }), expect: adminOnly(200) },
    "GET /outbox/{id}": {
      handler: outboxOne.GET,
      method: "GET",
      setup: async () => {
        const id = await mail();
        return { path: `/api/staff/outbox/${id}`, params: { id: String(id) } };
      },
      expect: adminOnly(200),
    },
    // Without SMTP a retry is refused with 503 (it could only sit in the queue).
    "POST /outbox/{id}/retry": {
      handler: outboxRetry.POST,
      method: "POST",
      setup: async () => {
        const id = await mail();
        return { path: `/api/staff/outbox/${id}/retry`, params: { id: String(id) } };
      },
      expect: adminOnly(503),
    },
  };
}
