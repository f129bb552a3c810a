// Users: search (prefix, order, limit, scope-free), create (unique email, automatic organization),
// edit, delete (never orphaning tickets), and the user page's recent tickets within the caller's scope.
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "@/db/testing";
import { events, organizations, threadEntries, tickets, users } from "@/db/schema";
import { setupTestAuth } from "@/test/auth";
import { createUser } from "@/test/factories";
import { api } from "@/test/staff-api";
import { type Cast, seedStaffCast } from "@/test/staff-factory";
import { createTicket } from "@/test/ticket-factory";
import { GET as getOne, DELETE as remove, PUT as edit } from "./[id]/route";
import { POST as create, GET as list } from "./route";
import { GET as search } from "./search/route";

setupTestAuth();
const { db } = await createTestDb();
let cast: Cast;
let acme: { id: number };
beforeAll(async () => {
  cast = await seedStaffCast(db);
  [acme] = await db.insert(organizations).values({ name: "Acme", domains: ["acme.example"] }).returning();
});

type User = { id: number; name: string; email: string; phone: string | null; org: { id: number; name: string } | null };
type Detail = User & { tickets: { items: { id: number; number: string; department: { id: number } }[]; total: number } };
type List<T> = { items: T[]; total: number; nextCursor: string | null };

const find = (q: string, as = cast.agentA) => api(as).get<List<User>>(search, `/api/staff/users/search?q=${encodeURIComponent(q)}`);
const p = (id: number) => ({ id: String(id) });
const uniq = () => Math.random().toString(36).slice(2, 8);

describe("GET /users/search", () => {
  it("finds by name or email prefix, case-insensitive, best matches first", async () => {
    const tag = `zq${uniq()}`;
    const byEmail1 = await createUser(db, `${tag}@mail.example`, "Someone Else");
    const byName = await createUser(db, `first-${uniq()}@mail.example`, `${tag.toUpperCase()} Ruiz`);
    const byLonger = await createUser(db, `second-${uniq()}@mail.example`, `${tag}bel Smith`);
    const byEmail = await createUser(db, `${tag}z@mail.example`, "Wholly Different");
    const bySurname = await createUser(db, `third-${uniq()}@mail.example`, `Bob ${tag}nd`);
    const byMiddle = await createUser(db, `fourth-${uniq()}@mail.example`, `Ann ${tag}x Lee`);
    await createUser(db, `x${tag}@mail.example`, `Not ${uniq()}`); // contains, but no prefix
    const res = await find(tag.toUpperCase());
    expect(res.status).toBe(200);
    expect(res.json.data!.items.map((u) => u.id)).toEqual([byName.id, byLonger.id, byEmail1.id, byEmail.id, bySurname.id, byMiddle.id]);
    expect(res.json.data).toMatchObject({ total: 6, nextCursor: null });
    // A whole address typed comes first, before names that start with it.
    const lookalike = await createUser(db, `other-${uniq()}@mail.example`, `${tag}@mail.example and more`);
    const exact = await find(`${tag}@MAIL.example`);
    expect(exact.json.data!.items.map((u) => u.id)).toEqual([byEmail1.id, lookalike.id]);
  });

  it("matches a later word of the name and several words together", async () => {
    const tag = `wd${uniq()}`;
    const u = await createUser(db, `${uniq()}@mail.example`, `Jane ${tag}son-Clarke`);
    expect((await find(tag)).json.data!.items.map((x) => x.id)).toEqual([u.id]);
    expect((await find(`clar ${tag}`)).json.data!.items.map((x) => x.id)).toEqual([u.id]);
  });

  it("returns at most 25, and treats % and _ literally", async () => {
    const tag = `lim${uniq()}`;
    await db.insert(users).values(Array.from({ length: 30 }, (_, i) => ({ email: `${tag}${String(i).padStart(2, "0")}@mail.example`, name: `${tag} ${i}` })));
    const res = await find(tag);
    expect(res.json.data!.items).toHaveLength(25);
    // Unescaped, "_" would match the "m" of the tag.
    expect((await find(`${tag.slice(0, 2)}_${tag.slice(3)}`)).json.data!.items).toEqual([]);
    expect((await find("%%")).json.data!.items).toEqual([]);
    expect((await find("__")).json.data!.items).toEqual([]);
  });

  it("includes the organization and is open to every staff member (users are not scoped)", async () => {
    const u = await createUser(db, `${uniq()}-org@mail.example`, `Orgmember ${uniq()}`);
    await db.update(users).set({ orgId: acme.id }).where(eq(users.id, u.id));
    const res = await find(u.name, cast.agentB);
    expect(res.json.data!.items[0]).toMatchObject({ id: u.id, org: { id: acme.id, name: "Acme" } });
  });

  it.each([
    ["no q", "", { q: "Type at least 2 characters" }],
    ["one character", "?q=a", { q: "Type at least 2 characters" }],
    ["only spaces", "?q=%20%20%20", { q: "Type at least 2 characters" }],
    ["too long", `?q=${"a".repeat(101)}`, { q: "At most 100 characters" }],
  ])("refuses %s", async (_n, qs, errors) => {
    const res = await api(cast.agentA).get(search, `/api/staff/users/search${qs}`);
    expect(res.json).toEqual({ status: 400, message: "Invalid query", errors });
  });
});

describe("GET /users", () => {
  it("lists the newest users first, in keyset pages that cover every user once", async () => {
    const tag = `ls${uniq()}`;
    const made = [];
    for (let i = 0; i < 3; i++) made.push(await createUser(db, `${tag}${i}@mail.example`, `${tag} ${i}`));
    await db.update(users).set({ orgId: acme.id }).where(eq(users.id, made[2].id));
    const first = await api(cast.agentB).get<List<User>>(list, "/api/staff/users?limit=2");
    expect(first.status).toBe(200);
    expect(first.json.data!.items.map((u) => u.id)).toEqual([made[2].id, made[1].id]);
    expect(first.json.data!.items[0].org).toEqual({ id: acme.id, name: "Acme" });
    const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
    expect(first.json.data!.total).toBe(Number(n));
    const seen = [...first.json.data!.items.map((u) => u.id)];
    let cursor = first.json.data!.nextCursor;
    while (cursor) {
      const next = await api(cast.agentB).get<List<User>>(list, `/api/staff/users?limit=50&cursor=${cursor}`);
      expect(next.status).toBe(200);
      seen.push(...next.json.data!.items.map((u) => u.id));
      cursor = next.json.data!.nextCursor;
    }
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
    expect(new Set(seen).size).toBe(Number(n));
  });

  it.each([
    ["a foreign cursor", "?cursor=bm9wZQ", "cursor"],
    ["a limit past 100", "?limit=500", "limit"],
  ])("answers 400 for %s", async (_name, qs, field) => {
    const res = await api(cast.agentA).get(list, `/api/staff/users${qs}`);
    expect(res.status).toBe(400);
    expect(res.json.errors).toHaveProperty(field);
  });
});

describe("POST /users", () => {
  it("creates a user who joins the organization of their domain, with an event", async () => {
    const email = `new-${uniq()}@ACME.example`;
    const res = await api(cast.agentA).post<User>(create, "/api/staff/users", {}, { name: " Nia New ", email, phone: "+1 555 0100" });
    expect(res.status).toBe(201);
    expect(res.json.data).toMatchObject({ name: "Nia New", email: email.toLowerCase(), phone: "+1 555 0100", org: { id: acme.id, name: "Acme" } });
    const [ev] = await db.select().from(events).where(eq(events.entityId, res.json.data!.id));
    expect(ev).toMatchObject({ entityType: "user", action: "created", staffId: cast.agentA.id });
  });

  it("keeps an explicit organization, or none with orgId null", async () => {
    const [other] = await db.insert(organizations).values({ name: `Other ${uniq()}` }).returning();
    const a = await api(cast.agentA).post<User>(create, "/api/staff/users", {}, { name: "A", email: `a-${uniq()}@acme.example`, orgId: other.id });
    expect(a.json.data!.org).toEqual({ id: other.id, name: other.name });
    const b = await api(cast.agentA).post<User>(create, "/api/staff/users", {}, { name: "B", email: `b-${uniq()}@acme.example`, orgId: null });
    expect(b.json.data!.org).toBeNull();
  });

  it("refuses an email already in use (any case) with 409 naming the user", async () => {
    const existing = await createUser(db, `taken-${uniq()}@mail.example`, "Tara Taken");
    const res = await api(cast.agentA).post(create, "/api/staff/users", {}, { name: "Copy", email: existing.email.toUpperCase() });
    expect(res.json).toEqual({
      status: 409,
      message: `${existing.email} is already the email of Tara Taken (user ${existing.id})`,
      errors: { email: "Already in use" },
      data: { user: { id: existing.id, name: "Tara Taken", email: existing.email } },
    });
  });

  it.each([
    ["no name", { email: "x@mail.example" }, { name: "Name is required" }],
    ["a blank name", { name: "  ", email: "x@mail.example" }, { name: "Name is required" }],
    ["no email", { name: "X" }, { email: "Email is required" }],
    ["a bad email", { name: "X", email: "not-an-email" }, { email: "Not a valid email address" }],
    ["a long phone", { name: "X", email: "x@mail.example", phone: "1".repeat(51) }, { phone: "At most 50 characters" }],
    ["a bad orgId", { name: "X", email: "x@mail.example", orgId: "acme" }, { orgId: "must be a number" }],
  ])("refuses %s", async (_n, body, errors) => {
    const res = await api(cast.agentA).post(create, "/api/staff/users", {}, body);
    expect(res.json).toEqual({ status: 400, message: "Invalid request body", errors });
  });

  it("refuses an unknown organization", async () => {
    const res = await api(cast.agentA).post(create, "/api/staff/users", {}, { name: "X", email: `x-${uniq()}@mail.example`, orgId: 999999 });
    expect(res.json).toEqual({ status: 400, message: "Validation failed", errors: { orgId: "No organization 999999" } });
  });
});

describe("PUT /users/{id}", () => {
  it("changes only the fields given and records before and after", async () => {
    const u = await createUser(db, `edit-${uniq()}@mail.example`, "Eddie Edit");
    const res = await api(cast.agentA).put<User & { changed: string[] }>(edit, `/api/staff/users/${u.id}`, p(u.id), { phone: "+1 555 0199", orgId: acme.id });
    expect(res.status).toBe(200);
    expect(res.json.data).toMatchObject({ name: "Eddie Edit", email: u.email, phone: "+1 555 0199", org: { id: acme.id }, changed: ["phone", "orgId"] });
    const [ev] = await db.select().from(events).where(eq(events.entityId, u.id));
    expect(ev).toMatchObject({ action: "updated", before: { phone: null, orgId: null }, after: { phone: "+1 555 0199", orgId: acme.id } });
  });

  it("accepts its own email in another case", async () => {
    const u = await createUser(db, `self-${uniq()}@mail.example`, "Sam Self");
    const res = await api(cast.agentA).put(edit, `/api/staff/users/${u.id}`, p(u.id), { email: u.email.toUpperCase() });
    expect(res.status).toBe(200);
  });

  it.each([
    ["an email in use", async (other: { email: string }) => ({ email: other.email }), 409, "is already the email of"],
    ["nothing to change", async () => ({}), 400, "Invalid request body"],
  ])("refuses %s", async (_n, body, status, message) => {
    const other = await createUser(db, `other-${uniq()}@mail.example`, "Olga Other");
    const u = await createUser(db);
    const res = await api(cast.agentA).put(edit, `/api/staff/users/${u.id}`, p(u.id), await body(other));
    expect(res.status).toBe(status);
    expect(res.json.message).toContain(message);
  });

  it("answers 404 for an unknown user", async () => {
    const res = await api(cast.agentA).put(edit, "/api/staff/users/999999", p(999999), { name: "X" });
    expect(res.json).toEqual({ status: 404, message: "User 999999 not found", errors: {} });
  });
});

describe("DELETE /users/{id}", () => {
  it("deletes a user without tickets (managers)", async () => {
    const u = await createUser(db);
    const res = await api(cast.manager).del(remove, `/api/staff/users/${u.id}`, p(u.id));
    expect(res.json).toMatchObject({ status: 200, message: "User deleted", data: { id: u.id, ticketsDeleted: 0 } });
    expect(await db.select().from(users).where(eq(users.id, u.id))).toEqual([]);
  });

  it("refuses while the user owns tickets, and only admins may delete the tickets with them", async () => {
    const u = await createUser(db, `owner-${uniq()}@mail.example`, "Olive Owner");
    const t1 = await createTicket(db, { deptId: cast.support.id, userId: u.id });
    const t2 = await createTicket(db, { deptId: cast.billing.id, userId: u.id, status: "deleted" });
    const refused = await api(cast.manager).del(remove, `/api/staff/users/${u.id}`, p(u.id));
    expect(refused.json).toEqual({
      status: 409,
      message: "Olive Owner owns 2 tickets; change their requester first, or delete them with the user (tickets=delete, admins)",
      errors: {},
      data: { tickets: 2 },
    });
    const manager = await api(cast.manager).del(remove, `/api/staff/users/${u.id}?tickets=delete`, p(u.id));
    expect(manager.json).toEqual({ status: 403, message: "Deleting a user's tickets needs the permission users.purge", errors: {} });
    const bad = await api(cast.admin).del(remove, `/api/staff/users/${u.id}?tickets=all`, p(u.id));
    expect(bad.json).toEqual({ status: 400, message: "Invalid query", errors: { tickets: 'Only "delete" is accepted' } });
    expect(await db.select().from(users).where(eq(users.id, u.id))).toHaveLength(1);

    const ok = await api(cast.admin).del(remove, `/api/staff/users/${u.id}?tickets=delete`, p(u.id));
    expect(ok.json).toMatchObject({ status: 200, message: "User deleted with 2 tickets", data: { ticketsDeleted: 2 } });
    expect(await db.select().from(tickets).where(eq(tickets.userId, u.id))).toEqual([]);
    expect(await db.select().from(threadEntries).where(eq(threadEntries.ticketId, t1.id))).toEqual([]);
    const purged = await db.select().from(events).where(eq(events.action, "purged"));
    expect(purged.filter((e) => [t1.id, t2.id].includes(e.entityId!)).map((e) => e.staffId)).toEqual([cast.admin.id, cast.admin.id]);
  });

  it("is not open to agents", async () => {
    const u = await createUser(db);
    const res = await api(cast.agentA).del(remove, `/api/staff/users/${u.id}`, p(u.id));
    expect(res.json).toEqual({ status: 403, message: "You do not have the permission users.delete", errors: {} });
  });
});

describe("GET /users/{id}", () => {
  it("lists only the recent tickets the caller may see, and counts only those", async () => {
    const u = await createUser(db, `multi-${uniq()}@mail.example`, "Mona Multi");
    const support = await createTicket(db, { deptId: cast.support.id, userId: u.id });
    const billing = await createTicket(db, { deptId: cast.billing.id, userId: u.id });
    await createTicket(db, { deptId: cast.support.id, userId: u.id, status: "deleted" });
    const seen = async (as: typeof cast.agentA) => {
      const res = await api(as).get<Detail>(getOne, `/api/staff/users/${u.id}`, p(u.id));
      expect(res.json.data).toMatchObject({ id: u.id, name: "Mona Multi", email: u.email });
      return { ids: res.json.data!.tickets.items.map((t) => t.id).sort(), total: res.json.data!.tickets.total };
    };
    expect(await seen(cast.agentA)).toEqual({ ids: [support.id], total: 1 });
    expect(await seen(cast.agentB)).toEqual({ ids: [billing.id], total: 1 });
    expect(await seen(cast.admin)).toEqual({ ids: [support.id, billing.id].sort(), total: 2 });
  });

  it("answers 404 for an unknown user", async () => {
    expect((await api(cast.agentA).get(getOne, "/api/staff/users/424242", p(424242))).status).toBe(404);
  });
});

describe("ticket search follows requester changes", () => {
  it("renaming a user finds their tickets under the new name, no longer under the old", async () => {
    const { GET: ticketSearch } = await import("@/app/api/staff/search/route");
    const tag = `rn${uniq()}`;
    const user = await createUser(db, `${tag}@mail.example`, `Oldname${tag}`);
    const t = await createTicket(db, { deptId: cast.support.id, userId: user.id, subject: "Renamed requester" });
    const hits = async (q: string) => (await api(cast.admin).get<{ items: { id: number }[] }>(ticketSearch, `/api/staff/search?q=${q}`)).json.data!.items.map((i) => i.id);
    expect(await hits(`Oldname${tag}`)).toContain(t.id);
    expect((await api(cast.admin).put(edit, `/api/staff/users/${user.id}`, p(user.id), { name: `Newname${tag}` })).status).toBe(200);
    expect(await hits(`Newname${tag}`)).toContain(t.id);
    expect(await hits(`Oldname${tag}`)).not.toContain(t.id);
  });
});
