// Organizations: create and edit (unique name, domains in one organization only, account PM a
// manager), search, the organization page's tickets within the caller's scope, members in pages.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "@/db/testing";
import { events, users } from "@/db/schema";
import { findOrCreateUser } from "@/lib/tickets/requesters";
import { setupTestAuth } from "@/test/auth";
import { createUser } from "@/test/factories";
import { api } from "@/test/staff-api";
import { type Cast, seedStaffCast } from "@/test/staff-factory";
import { createTicket } from "@/test/ticket-factory";
import { GET as getOne, PUT as edit } from "./[id]/route";
import { GET as members } from "./[id]/users/route";
import { POST as create, GET as list } from "./route";
import { GET as search } from "./search/route";

setupTestAuth();
const { db } = await createTestDb();
let cast: Cast;
beforeAll(async () => {
  cast = await seedStaffCast(db);
});

type Org = { id: number; name: string; domains: string[]; accountPm: { id: number; name: string } | null; budgetHours: number | null; changed?: string[] };
type Page = { items: { id: number; name: string }[]; total: number; nextCursor: string | null };
const uniq = () => Math.random().toString(36).slice(2, 8);
const p = (id: number) => ({ id: String(id) });
const newOrg = async (body: Record<string, unknown> = {}) => {
  const res = await api(cast.manager).post<Org>(create, "/api/staff/orgs", {}, { name: `Org ${uniq()}`, ...body });
  expect(res.status).toBe(201);
  return res.json.data!;
};

describe("GET /orgs", () => {
  it("lists organizations by name (any case) in keyset pages, with their member counts", async () => {
    const tag = `aa${uniq()}`;
    const b = await newOrg({ name: `${tag} beta` });
    const a = await newOrg({ name: `${tag.toUpperCase()} Alpha` });
    await createUser(db, `${uniq()}@m.example`, "Member One").then((u) => db.update(users).set({ orgId: a.id }).where(eq(users.id, u.id)));
    type Listed = { id: number; name: string; memberCount: number };
    const all: Listed[] = [];
    let cursor: string | null = null;
    let total = 0;
    const fetchPage = (c: string | null) => api(cast.agentA).get<{ items: Listed[]; total: number; nextCursor: string | null }>(list, `/api/staff/orgs?limit=2${c ? `&cursor=${c}` : ""}`);
    do {
      const res = await fetchPage(cursor);
      expect(res.status).toBe(200);
      all.push(...res.json.data!.items);
      total = res.json.data!.total;
      cursor = res.json.data!.nextCursor;
    } while (cursor);
    expect(all).toHaveLength(total);
    const names = all.map((o) => o.name.toLowerCase());
    expect(names).toEqual([...names].sort());
    const ia = all.findIndex((o) => o.id === a.id);
    expect(all[ia + 1]?.id).toBe(b.id);
    expect(all[ia].memberCount).toBe(1);
    expect(all[ia + 1].memberCount).toBe(0);
  });

  it("refuses a cursor of another list", async () => {
    const res = await api(cast.agentA).get(list, "/api/staff/orgs?cursor=WzFd");
    expect(res.status).toBe(400);
    expect(res.json.errors).toHaveProperty("cursor");
  });
});

describe("POST /orgs", () => {
  it("creates an organization with every field and an event", async () => {
    const name = `Globex ${uniq()}`;
    const res = await api(cast.manager).post<Org>(create, "/api/staff/orgs", {}, {
      name,
      domains: ["@Globex-Corp.example", "globex.example", "globex.example"],
      accountPmId: cast.manager.id,
      docsRequired: true,
      harvestProjectId: "HP-1",
      budgetHours: 40,
      quotedHours: 32.5,
      notes: "VIP",
    });
    expect(res.status).toBe(201);
    expect(res.json.data).toMatchObject({
      name,
      domains: ["globex-corp.example", "globex.example"],
      accountPm: { id: cast.manager.id, name: "Morgan Manager" },
      docsRequired: true,
      harvestProjectId: "HP-1",
      budgetHours: 40,
      quotedHours: 32.5,
      notes: "VIP",
    });
    const [ev] = await db.select().from(events).where(eq(events.entityType, "organization"));
    expect(ev).toMatchObject({ action: "created", staffId: cast.manager.id });
  });

  it("makes new users of its domains members, through POST /users and through intake alike", async () => {
    const domain = `d${uniq()}.example`;
    const org = await newOrg({ domains: [domain] });
    const viaIntake = await findOrCreateUser(db, { email: `mail@${domain}`, name: "By Mail" });
    expect(viaIntake.orgId).toBe(org.id);
    const res = await api(cast.manager).get<Page>(members, `/api/staff/orgs/${org.id}/users`, p(org.id));
    expect(res.json.data!.items.map((u) => u.id)).toEqual([viaIntake.id]);
  });

  it.each([
    ["a taken name (any case)", async (o: Org) => ({ name: o.name.toUpperCase() }), 409, { name: "Already in use" }],
    ["a domain of another organization", async (o: Org) => ({ name: `N ${uniq()}`, domains: ["new.example", o.domains[0]] }), 409, { domains: expect.stringContaining("Already used:") }],
    ["an agent as account PM", async () => ({ name: `N ${uniq()}`, accountPmId: cast.agentA.id }), 400, { accountPmId: "Alex Agent is an agent; the account PM must be a manager or admin" }],
    ["a deactivated account PM", async () => ({ name: `N ${uniq()}`, accountPmId: cast.inactive.id }), 400, { accountPmId: expect.stringMatching(/^No active staff member \d+$/) }],
    ["a bad domain", async () => ({ name: `N ${uniq()}`, domains: ["not a domain"] }), 400, { "domains.0": "Not a domain name (e.g. example.com)" }],
    ["negative hours", async () => ({ name: `N ${uniq()}`, budgetHours: -1 }), 400, { budgetHours: "Cannot be negative" }],
    ["no name", async () => ({}), 400, { name: "Name is required" }],
  ])("refuses %s", async (_n, body, status, errors) => {
    const existing = await newOrg({ domains: [`x${uniq()}.example`] });
    const res = await api(cast.manager).post(create, "/api/staff/orgs", {}, await body(existing));
    expect(res.status).toBe(status);
    expect(res.json.errors).toEqual(errors);
  });

  it("is for managers and admins", async () => {
    const res = await api(cast.agentA).post(create, "/api/staff/orgs", {}, { name: "Nope" });
    expect(res.json).toEqual({ status: 403, message: "You do not have the permission orgs.manage", errors: {} });
  });
});

describe("PUT /orgs/{id}", () => {
  it("changes only what is given, recording before and after", async () => {
    const org = await newOrg({ budgetHours: 10 });
    const res = await api(cast.admin).put<Org>(edit, `/api/staff/orgs/${org.id}`, p(org.id), { budgetHours: 12, accountPmId: cast.admin.id, name: org.name });
    expect(res.json.data).toMatchObject({ budgetHours: 12, accountPm: { id: cast.admin.id }, changed: ["accountPmId", "budgetHours"] });
    const [ev] = await db.select().from(events).where(eq(events.action, "updated"));
    expect(ev).toMatchObject({ entityType: "organization", entityId: org.id, before: { budgetHours: 10, accountPmId: null }, after: { budgetHours: 12, accountPmId: cast.admin.id } });
  });

  it("refuses another organization's name and answers 404 for an unknown one", async () => {
    const a = await newOrg();
    const b = await newOrg();
    const res = await api(cast.manager).put(edit, `/api/staff/orgs/${b.id}`, p(b.id), { name: a.name });
    expect(res.json).toEqual({ status: 409, message: `An organization named "${a.name}" already exists`, errors: { name: "Already in use" }, data: { orgId: a.id } });
    expect((await api(cast.manager).put(edit, "/api/staff/orgs/999999", p(999999), { notes: "x" })).json).toEqual({ status: 404, message: "Organization 999999 not found", errors: {} });
    expect((await api(cast.manager).put(edit, `/api/staff/orgs/${b.id}`, p(b.id), {})).json).toEqual({ status: 400, message: "Invalid request body", errors: { _: "Nothing to change" } });
  });
});

describe("GET /orgs/search", () => {
  it("finds by name prefix, a word of the name or a domain, best first", async () => {
    const tag = `og${uniq()}`;
    const exact = await newOrg({ name: tag });
    const prefix = await newOrg({ name: `${tag} Industries` });
    const word = await newOrg({ name: `The ${tag}-Works` });
    const domain = await newOrg({ name: `Zeta ${uniq()}`, domains: [`${tag}.example`] });
    const res = await api(cast.agentB).get<Page>(search, `/api/staff/orgs/search?q=${tag.toUpperCase()}`);
    expect(res.json.data!.items.map((o) => o.id)).toEqual([exact.id, prefix.id, word.id, domain.id]);
    expect((await api(cast.agentB).get(search, "/api/staff/orgs/search?q=x")).json).toEqual({ status: 400, message: "Invalid query", errors: { q: "Type at least 2 characters" } });
  });
});

describe("GET /orgs/{id} and /orgs/{id}/users", () => {
  it("shows members and only the tickets the caller may see", async () => {
    const org = await newOrg();
    const u = await createUser(db);
    await db.update(users).set({ orgId: org.id }).where(eq(users.id, u.id));
    const inSupport = await createTicket(db, { deptId: cast.support.id, userId: u.id });
    const inBilling = await createTicket(db, { deptId: cast.billing.id, userId: u.id });
    const { tickets } = await import("@/db/schema");
    const { inArray } = await import("drizzle-orm");
    await db.update(tickets).set({ orgId: org.id }).where(inArray(tickets.id, [inSupport.id, inBilling.id]));
    const view = async (as: typeof cast.agentA) => {
      const res = await api(as).get<Org & { memberCount: number; tickets: { items: { id: number }[]; total: number } }>(getOne, `/api/staff/orgs/${org.id}`, p(org.id));
      return { members: res.json.data!.memberCount, ids: res.json.data!.tickets.items.map((t) => t.id), total: res.json.data!.tickets.total };
    };
    expect(await view(cast.agentA)).toEqual({ members: 1, ids: [inSupport.id], total: 1 });
    expect(await view(cast.agentB)).toEqual({ members: 1, ids: [inBilling.id], total: 1 });
    expect((await view(cast.manager)).total).toBe(2);
    expect((await api(cast.agentA).get(getOne, "/api/staff/orgs/999999", p(999999))).status).toBe(404);
  });

  it("pages members by name with a cursor", async () => {
    const org = await newOrg();
    const names = ["delta", "Alpha", "charlie", "Bravo", "echo"];
    await db.insert(users).values(names.map((n) => ({ name: n, email: `${n}-${uniq()}@m.example`, orgId: org.id })));
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const path: string = `/api/staff/orgs/${org.id}/users?limit=2${cursor ? `&cursor=${cursor}` : ""}`;
      const res = await api(cast.agentA).get<Page>(members, path, p(org.id));
      expect(res.json.data!.total).toBe(5);
      seen.push(...res.json.data!.items.map((u) => u.name));
      cursor = res.json.data!.nextCursor;
      pages++;
    } while (cursor);
    expect(seen).toEqual(["Alpha", "Bravo", "charlie", "delta", "echo"]);
    expect(pages).toBe(3);
  });

  it.each([
    ["a bad cursor", "?cursor=garbage", 400, { cursor: "Not a cursor of this list; start again from the first page" }],
    ["a page too large", "?limit=500", 400, { limit: "At most 100" }],
  ])("refuses %s", async (_n, qs, status, errors) => {
    const org = await newOrg();
    const res = await api(cast.agentA).get(members, `/api/staff/orgs/${org.id}/users${qs}`, p(org.id));
    expect(res.json).toEqual({ status, message: "Invalid query", errors });
  });
});
