// Canned responses: by department, managed by managers and admins, variables filled per ticket.
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "@/db/testing";
import { setupTestAuth } from "@/test/auth";
import { createUser } from "@/test/factories";
import { api } from "@/test/staff-api";
import { type Cast, seedStaffCast } from "@/test/staff-factory";
import { createTicket } from "@/test/ticket-factory";
import { DELETE as del, GET as getOne, PATCH } from "./[id]/route";
import { GET as render } from "./[id]/render/route";
import { GET, POST } from "./route";

setupTestAuth();
const { db } = await createTestDb();
let cast: Cast;
beforeAll(async () => {
  cast = await seedStaffCast(db);
});

type Canned = { id: number; title: string; body: string; deptId: number | null };
const create = (as: Cast["admin"], body: Record<string, unknown>) => api(as).post<Canned>(POST, "/api/staff/canned", {}, body);
const idp = (id: number) => ({ id: String(id) });

describe("canned responses", () => {
  it("lists global ones and those of the caller's departments", async () => {
    const global = (await create(cast.admin, { title: "Thanks", body: "Thank you!" })).json.data!;
    const support = (await create(cast.manager, { title: "Support hello", body: "Hello", deptId: cast.support.id })).json.data!;
    const billing = (await create(cast.manager, { title: "Billing hello", body: "Hi", deptId: cast.billing.id })).json.data!;
    const asA = await api(cast.agentA).get<{ items: Canned[] }>(GET, "/api/staff/canned", {});
    expect(asA.json.data!.items.map((c) => c.id).sort()).toEqual([global.id, support.id].sort());
    const filtered = await api(cast.manager).get<{ items: Canned[] }>(GET, `/api/staff/canned?deptId=${cast.billing.id}`, {});
    expect(filtered.json.data!.items.map((c) => c.id).sort()).toEqual([global.id, billing.id].sort());
    expect((await api(cast.agentA).get(getOne, `/api/staff/canned/${billing.id}`, idp(billing.id))).status).toBe(404);
  });

  it("is managed by managers (their departments) and admins (also global ones), not agents", async () => {
    expect((await create(cast.agentA, { title: "x", body: "y", deptId: cast.support.id })).status).toBe(403);
    const globalByManager = await create(cast.manager, { title: "x", body: "y" });
    expect(globalByManager.status).toBe(403);
    expect(globalByManager.json.message).toMatch(/Only admins/);
    const c = (await create(cast.manager, { title: "Old", body: "y", deptId: cast.support.id })).json.data!;
    const edited = await api(cast.manager).patch<Canned>(PATCH, `/api/staff/canned/${c.id}`, idp(c.id), { title: "New" });
    expect(edited.json.data!.title).toBe("New");
    expect((await api(cast.manager).del(del, `/api/staff/canned/${c.id}`, idp(c.id))).status).toBe(200);
    expect((await api(cast.manager).get(getOne, `/api/staff/canned/${c.id}`, idp(c.id))).status).toBe(404);
  });

  it("sanitises HTML bodies", async () => {
    const c = (await create(cast.admin, { title: "html", body: '<p onclick="x()">Hi</p><script>alert(1)</script>', format: "html" })).json.data!;
    expect(c.body).toBe("<p>Hi</p>");
  });

  it("fills variables for a ticket the caller can see", async () => {
    const user = await createUser(db, "sam@example.net", "Sam Okafor");
    const t = await createTicket(db, { deptId: cast.support.id, userId: user.id, subject: "Fan noise" });
    const c = (await create(cast.admin, { title: "Ack", body: "Hi %{user.firstname}, re #%{ticket.number} (%{ticket.subject}) in %{ticket.dept}. %{staff.name} %{bogus}" })).json.data!;
    const res = await api(cast.agentA).get<{ body: string; unknownVariables: string[] }>(render, `/api/staff/canned/${c.id}/render?tid=${t.id}`, idp(c.id));
    expect(res.json.data).toMatchObject({
      body: `Hi Sam, re #${t.number} (Fan noise) in Support. Alex Agent %{bogus}`,
      unknownVariables: ["bogus"],
    });
    expect((await api(cast.agentB).get(render, `/api/staff/canned/${c.id}/render?tid=${t.id}`, idp(c.id))).status).toBe(404);
  });
});
