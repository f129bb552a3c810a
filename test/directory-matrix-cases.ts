// Permission-matrix cases of users, organizations, tasks and drafts; spread into
// app/api/staff/permission-matrix.int.test.ts. Users and organizations are open to every staff
// member to read (managing organizations and deleting users is for managers); tasks follow the
// ticket rule (the Support task here is linked to the Support ticket the referred agent was
// referred to); drafts answer only their owner (agentIn here), 404 for everyone else.
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rows } from "@/db/rows";
import * as draftFiles from "@/app/api/staff/draft/[id]/attachments/route";
import * as draftOne from "@/app/api/staff/draft/[id]/route";
import * as draft from "@/app/api/staff/draft/route";
import * as orgMembers from "@/app/api/staff/orgs/[id]/users/route";
import * as orgOne from "@/app/api/staff/orgs/[id]/route";
import * as orgs from "@/app/api/staff/orgs/route";
import * as orgSearch from "@/app/api/staff/orgs/search/route";
import * as taskAssign from "@/app/api/staff/tasks/[id]/assign/route";
import * as taskClose from "@/app/api/staff/tasks/[id]/close/route";
import * as taskNote from "@/app/api/staff/tasks/[id]/note/route";
import * as taskReopen from "@/app/api/staff/tasks/[id]/reopen/route";
import * as taskOne from "@/app/api/staff/tasks/[id]/route";
import * as taskTransfer from "@/app/api/staff/tasks/[id]/transfer/route";
import * as tasks from "@/app/api/staff/tasks/route";
import * as userOne from "@/app/api/staff/users/[id]/route";
import * as users from "@/app/api/staff/users/route";
import * as userSearch from "@/app/api/staff/users/search/route";
import type { MatrixCase } from "./admin-matrix-cases";
import type { StaffIdentity } from "./auth";

type Roles = MatrixCase["expect"] extends Record<infer R, number> ? R : never;
type Expect = Record<Roles, number>;

export interface DirectoryMatrixContext {
  supportDeptId: number;
  salesDeptId: number;
  managerId: number;
  agentIn: StaffIdentity;
  /** A Support ticket the referred agent was referred to. */
  supportTicket: () => Promise<{ id: number }>;
}

const everyone = (ok: number): Expect => ({ none: 401, agentIn: ok, agentOut: ok, referred: ok, manager: ok, admin: ok, inactive: 401 });
const managers = (ok: number): Expect => ({ none: 401, agentIn: 403, agentOut: 403, referred: 403, manager: ok, admin: ok, inactive: 401 });
const ticketRule = (ok: number): Expect => ({ none: 401, agentIn: ok, agentOut: 404, referred: ok, manager: ok, admin: ok, inactive: 401 });
const ownerOnly = (ok: number): Expect => ({ none: 401, agentIn: ok, agentOut: 404, referred: 404, manager: 404, admin: 404, inactive: 401 });
const uniq = () => Math.random().toString(36).slice(2, 10);

export function directoryMatrixCases(db: Db, ctx: () => DirectoryMatrixContext): Record<string, MatrixCase> {
  const insert = async (query: ReturnType<typeof sql>) => Number((await rows<{ id: number }>(db, query))[0].id);
  const user = () => insert(sql`INSERT INTO users (email, name) VALUES (${`m-${uniq()}@matrix.example`}, 'Matrix User') RETURNING id`);
  const org = () => insert(sql`INSERT INTO organizations (name) VALUES (${`Matrix ${uniq()}`}) RETURNING id`);
  const task = async (status: "open" | "closed" = "open") => {
    const c = ctx();
    const t = await c.supportTicket();
    return insert(sql`INSERT INTO tasks (title, dept_id, ticket_id, status) VALUES ('Matrix task', ${c.supportDeptId}, ${t.id}, ${status}) RETURNING id`);
  };
  const one = (route: string, id: number, sub = "") => ({ path: `/api/staff/${route}/${id}${sub}`, params: { id: String(id) } });
  const ownDraft = async () => {
    const c = ctx();
    return insert(sql`INSERT INTO drafts (staff_id, namespace, body) VALUES (${c.agentIn.id}, ${`matrix.${uniq()}`}, 'draft') RETURNING id`);
  };
  const files = () => {
    const f = new FormData();
    f.append("file", new Blob(["hello"], { type: "text/plain" }), "hello.txt");
    return f;
  };

  return {
    "GET /users/search": { handler: userSearch.GET, method: "GET", setup: async () => ({ path: "/api/staff/users/search?q=ma" }), expect: everyone(200) },
    "GET /users": { handler: users.GET, method: "GET", setup: async () => ({ path: "/api/staff/users?limit=5" }), expect: everyone(200) },
    "POST /users": { handler: users.POST, method: "POST", setup: async () => ({ path: "/api/staff/users", body: { name: "New", email: `n-${uniq()}@matrix.example` } }), expect: everyone(201) },
    "GET /users/{id}": { handler: userOne.GET, method: "GET", setup: async () => one("users", await user()), expect: everyone(200) },
    "PUT /users/{id}": { handler: userOne.PUT, method: "PUT", setup: async () => ({ ...one("users", await user()), body: { phone: "+1 555 0100" } }), expect: everyone(200) },
    "DELETE /users/{id}": { handler: userOne.DELETE, method: "DELETE", setup: async () => one("users", await user()), expect: managers(200) },
    "GET /orgs/search": { handler: orgSearch.GET, method: "GET", setup: async () => ({ path: "/api/staff/orgs/search?q=ma" }), expect: everyone(200) },
    "GET /orgs": { handler: orgs.GET, method: "GET", setup: async () => ({ path: "/api/staff/orgs?limit=5" }), expect: everyone(200) },
    "POST /orgs": { handler: orgs.POST, method: "POST", setup: async () => ({ path: "/api/staff/orgs", body: { name: `Org ${uniq()}` } }), expect: managers(201) },
    "GET /orgs/{id}": { handler: orgOne.GET, method: "GET", setup: async () => one("orgs", await org()), expect: everyone(200) },
    "PUT /orgs/{id}": { handler: orgOne.PUT, method: "PUT", setup: async () => ({ ...one("orgs", await org()), body: { notes: "n" } }), expect: managers(200) },
    "GET /orgs/{id}/users": { handler: orgMembers.GET, method: "GET", setup: async () => one("orgs", await org(), "/users"), expect: everyone(200) },

    "GET /tasks": { handler: tasks.GET, method: "GET", setup: async () => ({ path: "/api/staff/tasks" }), expect: everyone(200) },
    "POST /tasks": {
      handler: tasks.POST,
      method: "POST",
      setup: async () => ({ path: "/api/staff/tasks", body: { title: "T", deptId: ctx().supportDeptId } }),
      // A task goes to one of the caller's departments (or rides on a ticket they see).
      expect: { none: 401, agentIn: 201, agentOut: 403, referred: 403, manager: 201, admin: 201, inactive: 401 },
    },
    "GET /tasks/{id}": { handler: taskOne.GET, method: "GET", setup: async () => one("tasks", await task()), expect: ticketRule(200) },
    "PUT /tasks/{id}": { handler: taskOne.PUT, method: "PUT", setup: async () => ({ ...one("tasks", await task()), body: { title: "Renamed" } }), expect: ticketRule(200) },
    "POST /tasks/{id}/assign": {
      handler: taskAssign.POST,
      method: "POST",
      setup: async () => ({ ...one("tasks", await task(), "/assign"), body: { assignee: `s${ctx().managerId}` } }),
      expect: ticketRule(200),
    },
    "POST /tasks/{id}/transfer": {
      handler: taskTransfer.POST,
      method: "POST",
      setup: async () => ({ ...one("tasks", await task(), "/transfer"), body: { deptId: ctx().salesDeptId } }),
      expect: ticketRule(200),
    },
    "POST /tasks/{id}/close": { handler: taskClose.POST, method: "POST", setup: async () => one("tasks", await task(), "/close"), expect: ticketRule(200) },
    "POST /tasks/{id}/reopen": { handler: taskReopen.POST, method: "POST", setup: async () => one("tasks", await task("closed"), "/reopen"), expect: ticketRule(200) },
    "POST /tasks/{id}/note": { handler: taskNote.POST, method: "POST", setup: async () => ({ ...one("tasks", await task(), "/note"), body: { body: "Noted" } }), expect: ticketRule(201) },

    "POST /draft": { handler: draft.POST, method: "POST", setup: async () => ({ path: "/api/staff/draft", body: { namespace: `matrix.${uniq()}`, body: "x" } }), expect: everyone(201) },
    "GET /draft": {
      handler: draft.GET,
      method: "GET",
      setup: async () => {
        const [{ namespace }] = await rows<{ namespace: string }>(db, sql`SELECT namespace FROM drafts WHERE id = ${await ownDraft()}`);
        return { path: `/api/staff/draft?namespace=${namespace}` };
      },
      // Others have no draft of their own there: 200 with data: null, counted as hidden (404).
      probe: (res) => (res.json.data === null ? 404 : 200),
      expect: ownerOnly(200),
    },
    "GET /draft/{id}": { handler: draftOne.GET, method: "GET", setup: async () => one("draft", await ownDraft()), expect: ownerOnly(200) },
    "DELETE /draft/{id}": { handler: draftOne.DELETE, method: "DELETE", setup: async () => one("draft", await ownDraft()), expect: ownerOnly(200) },
    "POST /draft/{id}/attachments": {
      handler: draftFiles.POST,
      method: "POST",
      setup: async () => ({ ...one("draft", await ownDraft(), "/attachments"), body: files() }),
      expect: ownerOnly(201),
    },
  };
}
