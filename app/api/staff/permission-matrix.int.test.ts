// The permission matrix: every staff endpoint x {no session, agent in the ticket's department,
// agent outside it, agent outside it but referred to the ticket, manager, admin, deactivated}.
// Each case gets fresh data. For endpoints that answer per ticket (mass) or per row (export) the
// cell is the status for that ticket: 200 done or included, else its own status (404 hidden).
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { rows } from "@/db/rows";
import { createTestDb } from "@/db/testing";
import { departments, staffDepartments } from "@/db/schema";
import { adminMatrixCases } from "@/test/admin-matrix-cases";
import { directoryMatrixCases } from "@/test/directory-matrix-cases";
import { type StaffIdentity, callRoute, setupTestAuth, staffRequest } from "@/test/auth";
import { type Cast, createStaff, seedStaffCast } from "@/test/staff-factory";
import { setIntakeEnv } from "@/test/intake-env";
import { addAttachment, addEntry, createTicket } from "@/test/ticket-factory";
import * as cannedOne from "./canned/[id]/route";
import * as cannedRender from "./canned/[id]/render/route";
import * as canned from "./canned/route";
import * as depts from "./departments/route";
import * as mePassword from "./me/password/route";
import * as me from "./me/route";
import * as priorities from "./priorities/route";
import * as sla from "./sla/route";
import * as staffOne from "./staff/[id]/route";
import * as staffReset from "./staff/[id]/reset-password/route";
import * as staffList from "./staff/route";
import * as status from "./status/route";
import * as teams from "./teams/route";
import * as attachment from "./attachments/[id]/route";
import * as assign from "./tickets/[tid]/assign/route";
import * as ticketVersion from "./tickets/[tid]/version/route";
import * as ticketLookup from "./tickets/lookup/route";
import * as ticketNote from "./tickets/[tid]/note/route";
import * as ticketReply from "./tickets/[tid]/reply/route";
import * as openTicket from "./tickets/route";
import * as claim from "./tickets/[tid]/claim/route";
import * as merge from "./tickets/[tid]/merge/route";
import * as refer from "./tickets/[tid]/refer/route";
import * as release from "./tickets/[tid]/release/route";
import * as restore from "./tickets/[tid]/restore/route";
import * as ticket from "./tickets/[tid]/route";
import * as ticketStatus from "./tickets/[tid]/status/route";
import * as transfer from "./tickets/[tid]/transfer/route";
import * as exportCsv from "./tickets/export/route";
import * as mass from "./tickets/mass/route";
import * as queueOne from "./queues/[id]/route";
import * as queueTickets from "./queues/[id]/tickets/route";
import * as queues from "./queues/route";
import * as search from "./search/route";
import * as topics from "./topics/route";

setIntakeEnv();
setupTestAuth();
const { db } = await createTestDb();

const roles = ["none", "agentIn", "agentOut", "referred", "manager", "admin", "inactive"] as const;
type Role = (typeof roles)[number];
type Expect = Record<Role, number>;
type Handler = Parameters<typeof callRoute>[0];

let cast: Cast;
let who: Record<Role, StaffIdentity | null>;
let sales: number;

beforeAll(async () => {
  cast = await seedStaffCast(db);
  [{ id: sales }] = await db.insert(departments).values({ name: "Sales" }).returning();
  const agentIn = await createStaff(db, { deptIds: [cast.support.id, sales], name: "In Agent" });
  const referred = await createStaff(db, { deptIds: [cast.billing.id], name: "Referred Agent" });
  await db.insert(staffDepartments).values({ staffId: cast.manager.id, deptId: sales });
  who = { none: null, agentIn, agentOut: cast.agentB, referred, manager: cast.manager, admin: cast.admin, inactive: cast.inactive };
});

/** A Support ticket the referred agent was referred to. */
async function supportTicket(extra: Parameters<typeof createTicket>[1] extends infer S ? Partial<S> : never = {}) {
  const t = await createTicket(db, { deptId: cast.support.id, ...extra });
  await db.execute(sql`INSERT INTO ticket_referrals (ticket_id, kind, target_id) VALUES (${t.id}, 'staff', ${who.referred!.id})`);
  return t;
}

/** A shared queue owned by the manager. */
async function managerQueue(criteria: Record<string, unknown> = { status: ["any_open"] }) {
  const [{ id }] = await rows<{ id: number }>(
    db,
    sql`INSERT INTO queues (name, owner_id, is_shared, criteria) VALUES ('Matrix queue', ${cast.manager.id}, true, ${JSON.stringify(criteria)}::jsonb) RETURNING id`,
  );
  return { path: `/api/staff/queues/${id}`, params: { id: String(id) } };
}

interface Case {
  handler: Handler;
  method: string;
  setup: () => Promise<{ path: string; params?: Record<string, string>; body?: unknown; tid?: number }>;
  expect: Expect;
  /** Reads the cell's status from a 200 answer that reports per ticket. */
  probe?: (res: Awaited<ReturnType<typeof callRoute>>, tid: number) => number;
}

// Ticket operations: hidden (404) outside the scope, 401 without an active session.
const ticketOk: Expect = { none: 401, agentIn: 200, agentOut: 404, referred: 200, manager: 200, admin: 200, inactive: 401 };
const everyone = (ok: number): Expect => ({ none: 401, agentIn: ok, agentOut: ok, referred: ok, manager: ok, admin: ok, inactive: 401 });
const adminOnly = (ok: number): Expect => ({ none: 401, agentIn: 403, agentOut: 403, referred: 403, manager: 403, admin: ok, inactive: 401 });
const tp = (t: { id: number }, op = "") => ({ path: `/api/staff/tickets/${t.id}${op}`, params: { tid: String(t.id) }, tid: t.id });

const cases: Record<string, Case> = {
  "GET /tickets/{tid}": { handler: ticket.GET, method: "GET", setup: async () => tp(await supportTicket()), expect: ticketOk },
  "GET /tickets/{tid}/version": { handler: ticketVersion.GET, method: "GET", setup: async () => tp(await supportTicket(), "/version"), expect: ticketOk },
  "GET /tickets/lookup": {
    handler: ticketLookup.GET,
    method: "GET",
    setup: async () => ({ path: `/api/staff/tickets/lookup?number=${(await supportTicket()).number}` }),
    expect: ticketOk,
  },
  "PATCH /tickets/{tid}": { handler: ticket.PATCH, method: "PATCH", setup: async () => ({ ...tp(await supportTicket()), body: { subject: "Renamed" } }), expect: ticketOk },
  "DELETE /tickets/{tid}": {
    handler: ticket.DELETE,
    method: "DELETE",
    setup: async () => tp(await supportTicket()),
    expect: { none: 401, agentIn: 403, agentOut: 403, referred: 403, manager: 200, admin: 200, inactive: 401 },
  },
  "POST /tickets/{tid}/status": { handler: ticketStatus.POST, method: "POST", setup: async () => ({ ...tp(await supportTicket(), "/status"), body: { status: "closed" } }), expect: ticketOk },
  "POST /tickets/{tid}/assign": {
    handler: assign.POST,
    method: "POST",
    setup: async () => ({ ...tp(await supportTicket(), "/assign"), body: { assignee: `s${cast.manager.id}` } }),
    expect: ticketOk,
  },
  "POST /tickets/{tid}/claim": {
    handler: claim.POST,
    method: "POST",
    setup: async () => tp(await supportTicket(), "/claim"),
    // A referral shows the ticket but does not make one eligible to own it.
    expect: { ...ticketOk, referred: 403 },
  },
  "POST /tickets/{tid}/release": { handler: release.POST, method: "POST", setup: async () => tp(await supportTicket({ staffId: cast.manager.id }), "/release"), expect: ticketOk },
  "POST /tickets/{tid}/transfer": {
    handler: transfer.POST,
    method: "POST",
    setup: async () => ({ ...tp(await supportTicket(), "/transfer"), body: { deptId: sales } }),
    expect: { ...ticketOk, referred: 403 },
  },
  "POST /tickets/{tid}/transfer (into the referred agent's own department)": {
    handler: transfer.POST,
    method: "POST",
    setup: async () => ({ ...tp(await supportTicket(), "/transfer"), body: { deptId: cast.billing.id } }),
    // The referred agent works in Billing but not in Support: a referral lets them see the ticket,
    // not take it away from Support (was 200 before transfer required the current department).
    // agentIn works in Support but not in Billing, so the target refuses them.
    expect: { ...ticketOk, agentIn: 403, referred: 403 },
  },
  "POST /tickets/{tid}/merge": {
    handler: merge.POST,
    method: "POST",
    setup: async () => ({ ...tp(await supportTicket(), "/merge"), body: { tids: [(await supportTicket()).id] } }),
    expect: ticketOk,
  },
  "POST /tickets/{tid}/refer": { handler: refer.POST, method: "POST", setup: async () => ({ ...tp(await supportTicket(), "/refer"), body: { to: `d${sales}` } }), expect: ticketOk },
  "DELETE /tickets/{tid}/refer": {
    handler: refer.DELETE,
    method: "DELETE",
    setup: async () => {
      const t = await supportTicket();
      await db.execute(sql`INSERT INTO ticket_referrals (ticket_id, kind, target_id) VALUES (${t.id}, 'department', ${sales})`);
      return { ...tp(t, "/refer"), path: `/api/staff/tickets/${t.id}/refer?to=d${sales}` };
    },
    expect: ticketOk,
  },
  "POST /tickets/{tid}/restore": {
    handler: restore.POST,
    method: "POST",
    setup: async () => {
      const t = await supportTicket();
      await db.execute(sql`UPDATE tickets SET status = 'deleted', deleted_at = now() WHERE id = ${t.id}`);
      return tp(t, "/restore");
    },
    expect: adminOnly(200),
  },
  "POST /tickets/{tid}/reply": { handler: ticketReply.POST, method: "POST", setup: async () => ({ ...tp(await supportTicket(), "/reply"), body: { body: "Hello" } }), expect: ticketOk },
  "POST /tickets/{tid}/note": { handler: ticketNote.POST, method: "POST", setup: async () => ({ ...tp(await supportTicket(), "/note"), body: { body: "Internal" } }), expect: ticketOk },
  "POST /tickets": {
    handler: openTicket.POST,
    method: "POST",
    setup: async () => ({ path: "/api/staff/tickets", body: { email: "caller@example.org", subject: "Phoned in", message: "m", source: "phone", deptId: cast.support.id } }),
    // Opening a ticket in a department one does not work in is refused.
    expect: { none: 401, agentIn: 201, agentOut: 403, referred: 403, manager: 201, admin: 201, inactive: 401 },
  },
  "GET /attachments/{id}": {
    handler: attachment.GET,
    method: "GET",
    setup: async () => {
      const t = await supportTicket();
      const e = await addEntry(db, { ticketId: t.id, type: "message", text: "with file" });
      const a = await addAttachment(db, { ticketId: t.id, entryId: e.id, name: "doc.txt", bytes: Buffer.from("hello") });
      return { path: `/api/staff/attachments/${a.id}`, params: { id: String(a.id) } };
    },
    expect: ticketOk,
  },
  "POST /tickets/mass (status)": {
    handler: mass.POST,
    method: "POST",
    setup: async () => {
      const t = await supportTicket();
      return { path: "/api/staff/tickets/mass", body: { action: "status", tids: [t.id], status: "resolved" }, tid: t.id };
    },
    probe: (res) => (res.json.data as { results: { status: number }[] }).results[0].status,
    expect: ticketOk,
  },
  "GET /tickets/export": {
    handler: exportCsv.GET,
    method: "GET",
    setup: async () => {
      const t = await supportTicket({ subject: `Export probe ${Math.random()}` });
      return { path: `/api/staff/tickets/export?tids=${t.id}&columns=number,subject`, tid: t.id };
    },
    probe: (res) => ((res.json.message as string).split("\r\n").filter(Boolean).length === 2 ? 200 : 404),
    expect: ticketOk,
  },
  "GET /search": {
    handler: search.GET,
    method: "GET",
    setup: async () => {
      const word = `probe${Math.random().toString(36).slice(2, 10)}`;
      const t = await supportTicket({ subject: `Search ${word}` });
      return { path: `/api/staff/search?q=${word}`, tid: t.id };
    },
    probe: (res, tid) => ((res.json.data as { items: { id: number }[] }).items.some((i) => i.id === tid) ? 200 : 404),
    expect: ticketOk,
  },
  "GET /queues": { handler: queues.GET, method: "GET", setup: async () => ({ path: "/api/staff/queues" }), expect: everyone(200) },
  "POST /queues": { handler: queues.POST, method: "POST", setup: async () => ({ path: "/api/staff/queues", body: { name: "Matrix", criteria: { status: "open" } } }), expect: everyone(201) },
  "GET /queues/{id}": { handler: queueOne.GET, method: "GET", setup: async () => ({ path: "/api/staff/queues/open", params: { id: "open" } }), expect: everyone(200) },
  // A shared queue of the manager: everyone sees it, only its owner and admins change it.
  "PUT /queues/{id}": {
    handler: queueOne.PUT,
    method: "PUT",
    setup: async () => ({ ...(await managerQueue()), body: { name: "Renamed" } }),
    expect: { none: 401, agentIn: 403, agentOut: 403, referred: 403, manager: 200, admin: 200, inactive: 401 },
  },
  "DELETE /queues/{id}": {
    handler: queueOne.DELETE,
    method: "DELETE",
    setup: managerQueue,
    expect: { none: 401, agentIn: 403, agentOut: 403, referred: 403, manager: 200, admin: 200, inactive: 401 },
  },
  "GET /queues/{id}/tickets": {
    handler: queueTickets.GET,
    method: "GET",
    setup: async () => {
      const word = `probe${Math.random().toString(36).slice(2, 10)}`;
      const t = await supportTicket({ subject: `Queue ${word}` });
      const q = await managerQueue({ q: word });
      return { path: `${q.path}/tickets`, params: q.params, tid: t.id };
    },
    probe: (res, tid) => ((res.json.data as { items: { id: number }[] }).items.some((i) => i.id === tid) ? 200 : 404),
    expect: ticketOk,
  },
  "GET /canned": { handler: canned.GET, method: "GET", setup: async () => ({ path: "/api/staff/canned" }), expect: everyone(200) },
  "POST /canned": {
    handler: canned.POST,
    method: "POST",
    setup: async () => ({ path: "/api/staff/canned", body: { title: "t", body: "b", deptId: cast.support.id } }),
    expect: { none: 401, agentIn: 403, agentOut: 403, referred: 403, manager: 201, admin: 201, inactive: 401 },
  },
  "PATCH /canned/{id}": {
    handler: cannedOne.PATCH,
    method: "PATCH",
    setup: async () => {
      const [{ id }] = await rows<{ id: number }>(db, sql`INSERT INTO canned_responses (title, body, dept_id) VALUES ('t', 'b', ${cast.support.id}) RETURNING id`);
      return { path: `/api/staff/canned/${id}`, params: { id: String(id) }, body: { title: "new" } };
    },
    expect: { none: 401, agentIn: 403, agentOut: 403, referred: 403, manager: 200, admin: 200, inactive: 401 },
  },
  "GET /canned/{id}": {
    handler: cannedOne.GET,
    method: "GET",
    setup: async () => {
      const [{ id }] = await rows<{ id: number }>(db, sql`INSERT INTO canned_responses (title, body) VALUES ('global', 'b') RETURNING id`);
      return { path: `/api/staff/canned/${id}`, params: { id: String(id) } };
    },
    expect: everyone(200),
  },
  "DELETE /canned/{id}": {
    handler: cannedOne.DELETE,
    method: "DELETE",
    setup: async () => {
      const [{ id }] = await rows<{ id: number }>(db, sql`INSERT INTO canned_responses (title, body, dept_id) VALUES ('t', 'b', ${cast.support.id}) RETURNING id`);
      return { path: `/api/staff/canned/${id}`, params: { id: String(id) } };
    },
    // Agents outside Support do not even see it.
    expect: { none: 401, agentIn: 403, agentOut: 403, referred: 403, manager: 200, admin: 200, inactive: 401 },
  },
  "GET /canned/{id}/render": {
    handler: cannedRender.GET,
    method: "GET",
    setup: async () => {
      const t = await supportTicket();
      const [{ id }] = await rows<{ id: number }>(db, sql`INSERT INTO canned_responses (title, body) VALUES ('t', 'Hi %{user.name}') RETURNING id`);
      return { path: `/api/staff/canned/${id}/render?tid=${t.id}`, params: { id: String(id) } };
    },
    expect: ticketOk,
  },
  "GET /departments": { handler: depts.GET, method: "GET", setup: async () => ({ path: "/api/staff/departments" }), expect: everyone(200) },
  "GET /teams": { handler: teams.GET, method: "GET", setup: async () => ({ path: "/api/staff/teams" }), expect: everyone(200) },
  "GET /topics": { handler: topics.GET, method: "GET", setup: async () => ({ path: "/api/staff/topics" }), expect: everyone(200) },
  "GET /priorities": { handler: priorities.GET, method: "GET", setup: async () => ({ path: "/api/staff/priorities" }), expect: everyone(200) },
  "GET /sla": { handler: sla.GET, method: "GET", setup: async () => ({ path: "/api/staff/sla" }), expect: everyone(200) },
  "GET /staff": { handler: staffList.GET, method: "GET", setup: async () => ({ path: "/api/staff/staff" }), expect: everyone(200) },
  "POST /staff": {
    handler: staffList.POST,
    method: "POST",
    setup: async () => ({ path: "/api/staff/staff", body: { email: `m${Math.random().toString(36).slice(2)}@example.com`, name: "Matrix" } }),
    expect: adminOnly(201),
  },
  "GET /staff/{id}": { handler: staffOne.GET, method: "GET", setup: async () => ({ path: `/api/staff/staff/${cast.agentA.id}`, params: { id: String(cast.agentA.id) } }), expect: adminOnly(200) },
  "PATCH /staff/{id}": {
    handler: staffOne.PATCH,
    method: "PATCH",
    setup: async () => {
      const s = await createStaff(db, { deptIds: [cast.support.id] });
      return { path: `/api/staff/staff/${s.id}`, params: { id: String(s.id) }, body: { signature: "x" } };
    },
    expect: adminOnly(200),
  },
  "POST /staff/{id}/reset-password": {
    handler: staffReset.POST,
    method: "POST",
    setup: async () => {
      const s = await createStaff(db, { deptIds: [cast.support.id] });
      return { path: `/api/staff/staff/${s.id}/reset-password`, params: { id: String(s.id) }, body: {} };
    },
    expect: adminOnly(200),
  },
  // A wrong current password: the matrix's staff must keep their sessions for the other cases.
  "POST /me/password": {
    handler: mePassword.POST,
    method: "POST",
    setup: async () => ({ path: "/api/staff/me/password", body: { currentPassword: "not-it", newPassword: "another-password-1" } }),
    expect: everyone(400),
  },
  "GET /me": { handler: me.GET, method: "GET", setup: async () => ({ path: "/api/staff/me" }), expect: everyone(200) },
  "PATCH /me": { handler: me.PATCH, method: "PATCH", setup: async () => ({ path: "/api/staff/me", body: { signature: "Regards" } }), expect: everyone(200) },
  "GET /status": { handler: status.GET, method: "GET", setup: async () => ({ path: "/api/staff/status" }), expect: everyone(200) },
  ...adminMatrixCases(db),
  ...directoryMatrixCases(db, () => ({ supportDeptId: cast.support.id, salesDeptId: sales, managerId: cast.manager.id, agentIn: who.agentIn!, supportTicket })),
};

const table = Object.keys(cases).flatMap((name) => roles.map((role) => [name, role] as const));

describe("permission matrix", () => {
  it.each(table)("%s as %s", async (name, role) => {
    const c = cases[name];
    const s = await c.setup();
    const req = await staffRequest(s.path, { method: c.method, as: who[role], body: c.method === "GET" ? undefined : (s.body ?? {}) });
    const res = await callRoute(c.handler, req, s.params ?? {});
    const cell = c.probe && res.status === 200 ? c.probe(res, s.tid!) : res.status;
    expect({ endpoint: name, role, status: cell, message: res.json.message?.slice(0, 120) }).toEqual({
      endpoint: name,
      role,
      status: c.expect[role],
      message: expect.any(String),
    });
  });

  it("covers every method of every staff route file", async () => {
    const fs = await import("node:fs");
    const path = await import("node:path");
    const found: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, e.name);
        if (e.isDirectory()) walk(file);
        else if (e.name === "route.ts") {
          const route = `/${path.relative("app/api/staff", dir)}`.replace(/\[tid\]/, "{tid}").replace(/\[id\]/, "{id}").replace(/\/$/, "");
          // Methods answered by the shared 405 (`= notAllowed`) are methods.test.ts's.
          for (const m of fs.readFileSync(file, "utf8").matchAll(/export const (GET|POST|PUT|PATCH|DELETE) = (?!notAllowed;)/g)) found.push(`${m[1]} ${route}`);
        }
      }
    };
    walk("app/api/staff");
    const covered = new Set(Object.keys(cases).map((k) => k.replace(/ \(.*\)$/, "")));
    expect(found.filter((f) => !covered.has(f))).toEqual([]);
  });
});
