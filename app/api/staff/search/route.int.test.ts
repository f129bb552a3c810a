// GET /search on PostgreSQL: relevance order of a fixed corpus, exact numbers and emails, CJK,
// every filter, scope, keyset pagination and the errors.
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "@/db/testing";
import { events, helpTopics, organizations, priorities, tickets, users } from "@/db/schema";
import { loadSessionStaff } from "@/lib/auth";
import { type ListPage, criteriaSchema, searchTickets } from "@/lib/search";
import { encodeCursor } from "@/lib/search/cursor";
import { setupTestAuth } from "@/test/auth";
import { createUser } from "@/test/factories";
import { api } from "@/test/staff-api";
import { type Cast, createStaff, createTeam, seedStaffCast } from "@/test/staff-factory";
import { createTicket } from "@/test/ticket-factory";
import { GET } from "./route";

setupTestAuth();
const { db } = await createTestDb();
let cast: Cast;
beforeAll(async () => {
  cast = await seedStaffCast(db);
});

type Who = Parameters<typeof api>[0];
const search = (as: Who, qs: string) => api(as).get<ListPage>(GET, `/api/staff/search?${qs}`);
const subjects = async (as: Who, qs: string) => {
  const res = await search(as, qs);
  expect(res.status, JSON.stringify(res.json)).toBe(200);
  return res.json.data!.items.map((i) => i.subject);
};
const ids = async (as: Who, qs: string) => {
  const res = await search(as, qs);
  expect(res.status, JSON.stringify(res.json)).toBe(200);
  return res.json.data!.items.map((i) => i.id).sort((a, b) => a - b);
};

describe("relevance (fixed corpus)", () => {
  let bodyHit: Awaited<ReturnType<typeof createTicket>>;
  beforeAll(async () => {
    const old = new Date(Date.now() - 86_400_000);
    const smith = await createUser(db, "w.zebrafax@example.org", "Wanda Zebrafax");
    // Newest first within a tier, so give the body hit the newest update: order must still win.
    await createTicket(db, { deptId: cast.support.id, subject: "Zebrafax toner empty", message: "Nothing else to say", createdAt: old });
    await createTicket(db, { deptId: cast.support.id, subject: "Monitor flickers", userId: smith.id, message: "It flickers", createdAt: old });
    bodyHit = await createTicket(db, { deptId: cast.support.id, subject: "Office move", message: "Please also bring the zebrafax machine" });
    await createTicket(db, { deptId: cast.support.id, subject: "Unrelated", message: "No match here" });
  });

  it("ranks subject hits above requester hits above thread hits, and says where it matched", async () => {
    const res = await search(cast.agentA, "q=zebrafax");
    expect(res.json.data!.items.map((i) => [i.subject, i.matched])).toEqual([
      ["Zebrafax toner empty", "subject"],
      ["Monitor flickers", "requester"],
      ["Office move", "thread"],
    ]);
    expect(res.json.data!.total).toBe(3);
    expect(res.headers.get("x-search-engine")).toBe("postgres");
  });

  it("puts the exact ticket number first, and also finds tickets that mention it", async () => {
    const mention = await createTicket(db, { deptId: cast.support.id, subject: `Follow-up of ${bodyHit.number}`, message: "see above" });
    const res = await search(cast.agentA, `q=${bodyHit.number}`);
    expect(res.json.data!.items.map((i) => i.id)).toEqual([bodyHit.id, mention.id]);
    expect(res.json.data!.items[0].matched).toBe("number");
    // A number is matched whole, not as a prefix.
    expect(await ids(cast.agentA, `q=${bodyHit.number.slice(0, 4)}`)).toEqual([]);
  });

  it("matches the last word as a prefix, earlier words whole", async () => {
    expect(await subjects(cast.agentA, "q=zebra")).toHaveLength(3);
    expect(await subjects(cast.agentA, "q=toner%20zebra")).toEqual(["Zebrafax toner empty"]);
    expect(await subjects(cast.agentA, "q=zebra%20toner")).toEqual([]);
    expect(await subjects(cast.agentA, 'q="toner empty"')).toEqual(["Zebrafax toner empty"]);
  });

  it("matches email addresses exactly", async () => {
    const ana = await createUser(db, "ana.quill@example.com", "Ana Quill");
    const anaB = await createUser(db, "ana.quill@example.com.evil", "Other");
    await createTicket(db, { deptId: cast.support.id, subject: "Password reset", userId: ana.id });
    await createTicket(db, { deptId: cast.support.id, subject: "Password reset too", userId: anaB.id });
    expect(await subjects(cast.agentA, "q=ana.quill@example.com")).toEqual(["Password reset"]);
    expect(await subjects(cast.agentA, "q=ANA.QUILL@EXAMPLE.COM")).toEqual(["Password reset"]);
  });

  it("finds a word in the middle of a Japanese sentence (CJK pairs), in subject and thread", async () => {
    const t = await createTicket(db, { deptId: cast.support.id, subject: "東京都の請求書について", message: "先月の請求書が二重に届きました。確認してください。" });
    const t2 = await createTicket(db, { deptId: cast.support.id, subject: "Question", message: "京都オフィスのプリンターが動きません" });
    expect(await ids(cast.agentA, "q=請求書")).toEqual([t.id]);
    expect(await ids(cast.agentA, "q=京都")).toEqual([t.id, t2.id].sort((a, b) => a - b));
    expect(await ids(cast.agentA, "q=プリンター")).toEqual([t2.id]);
    expect(await ids(cast.agentA, "q=二重")).toEqual([t.id]);
    // Pairs must be adjacent: 請求 and 確認 both occur, but not "請求確認".
    expect(await ids(cast.agentA, "q=請求確認")).toEqual([]);
    const res = await search(cast.agentA, "q=請求書");
    expect(res.json.data!.items[0].matched).toBe("subject");
  });
});

describe("filters", () => {
  const made: Record<string, number> = {};
  let team: { id: number };
  let org: { id: number };
  let user: { id: number };
  let topic: { id: number };
  let high: { id: number };
  const tag = "filtercorpus";
  beforeAll(async () => {
    team = await createTeam(db, "Night shift", [cast.agentA.id]);
    [org] = await db.insert(organizations).values({ name: "Filter Org" }).returning();
    [user] = await db.insert(users).values({ email: "filter-user@example.net", name: "Filter User", orgId: org.id }).returning();
    [topic] = await db.select().from(helpTopics).limit(1);
    [high] = await db.select().from(priorities).where(eq(priorities.name, "High"));
    const mk = async (key: string, spec: Parameters<typeof createTicket>[1], patch: Partial<typeof tickets.$inferInsert> = {}) => {
      const t = await createTicket(db, { subject: `${tag} ${key}`, ...spec });
      if (Object.keys(patch).length) await db.update(tickets).set(patch).where(eq(tickets.id, t.id));
      made[key] = t.id;
    };
    const s = cast.support.id;
    await mk("plain", { deptId: s });
    await mk("mine", { deptId: s, staffId: cast.agentA.id });
    await mk("team", { deptId: s, teamId: team.id });
    await mk("closed", { deptId: s, status: "closed" });
    await mk("resolved", { deptId: s, status: "resolved" });
    await mk("billing", { deptId: cast.billing.id });
    await mk("topic", { deptId: s, topicId: topic.id, priorityId: high.id });
    await mk("org", { deptId: s, userId: user.id }, { orgId: org.id });
    await mk("email", { deptId: s, source: "email" });
    await mk("old", { deptId: s, createdAt: new Date("2020-03-01T10:00:00Z") });
    await mk("due", { deptId: s, dueAt: new Date("2030-01-15T12:00:00Z") });
    await mk("overdue", { deptId: s }, { isOverdue: true, isAnswered: true });
    await mk("urgent", { deptId: s }, { aiUrgency: 90, aiUrgencyLevel: "critical" });
    await mk("docs", { deptId: s }, { docsRequired: true });
    await mk("docsok", { deptId: s }, { docsRequired: true, docsAcknowledgedAt: new Date() });
    await mk("escalated", { deptId: s });
    await db.insert(events).values({ entityType: "ticket", entityId: made.escalated, ticketId: made.escalated, action: "escalated" });
    await mk("deleted", { deptId: s }, { status: "deleted", deletedAt: new Date() });
  });
  const keys = async (qs: string, as: Who = cast.admin) => {
    const res = await search(as, `q=${tag}&limit=100&${qs}`);
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    const byId = Object.fromEntries(Object.entries(made).map(([k, v]) => [v, k]));
    const got = res.json.data!.items.map((i) => byId[i.id]).sort();
    expect(res.json.data!.total).toBe(got.length);
    return got;
  };

  it.each([
    ["status=closed", ["closed"]],
    ["status=any_closed", ["closed", "resolved"]],
    [`assignee=me`, ["mine"]],
    [`assignee=t{team}`, ["team"]],
    [`assignee=myteams`, ["team"]],
    [`assignee=s{agentA},t{team}`, ["mine", "team"]],
    [`topicId={topic}`, ["topic"]],
    [`priorityId={high}`, ["topic"]],
    [`orgId={org}`, ["org"]],
    [`userId={user}`, ["org"]],
    ["source=email", ["email"]],
    ["createdTo=2020-03-01", ["old"]],
    ["createdFrom=2020-03-02&createdTo=2020-12-31", []],
    ["dueFrom=2030-01-01&dueTo=2030-01-31", ["due"]],
    ["overdue=true", ["overdue"]],
    ["answered=true", ["overdue"]],
    ["urgency=critical", ["urgent"]],
    ["docsRequired=true", ["docs", "docsok"]],
    ["docsRequired=true&docsAcknowledged=false", ["docs"]],
    ["escalated=true", ["escalated"]],
  ])("%s", async (qs, expected) => {
    const filled = qs
      .replace("{team}", String(team.id))
      .replace("{agentA}", String(cast.agentA.id))
      .replace("{topic}", String(topic.id))
      .replace("{high}", String(high.id))
      .replace("{org}", String(org.id))
      .replace("{user}", String(user.id));
    const as = qs.includes("me") || qs.includes("myteams") ? cast.agentA : cast.admin;
    expect(await keys(filled, as)).toEqual([...expected].sort());
  });

  it("assignee=none, deptId, updated ranges, and never deleted tickets", async () => {
    const unassigned = await keys("assignee=none&status=any_open");
    expect(unassigned).not.toContain("mine");
    expect(unassigned).not.toContain("team");
    expect(unassigned).toContain("plain");
    expect(await keys(`deptId=${cast.billing.id}`)).toEqual(["billing"]);
    expect(await keys("updatedFrom=-1h")).toHaveLength(Object.keys(made).length - 2); // not "old", not "deleted"
    expect(await keys("")).not.toContain("deleted");
  });

  it("the same filters without text (total from the counts summary)", async () => {
    const res = await search(cast.admin, `assignee=t${team.id}&status=any_open`);
    expect(res.json.data!.items.map((i) => i.id)).toEqual([made.team]);
    expect(res.json.data!.total).toBe(1);
  });

  it("scope: an agent never sees another department's tickets, hits or totals", async () => {
    expect(await keys("", cast.agentB)).toEqual(["billing"]);
    const res = await search(cast.agentB, "status=any_open&limit=100");
    expect(res.json.data!.items.every((i) => i.department.id === cast.billing.id)).toBe(true);
    const total = (await db.select().from(tickets).where(eq(tickets.deptId, cast.billing.id))).filter((t) => ["open", "awaiting_client"].includes(t.status)).length;
    expect(res.json.data!.total).toBe(total);
    // ... unless the ticket is referred to them.
    const { ticketReferrals } = await import("@/db/schema");
    await db.insert(ticketReferrals).values({ ticketId: made.plain, kind: "staff", targetId: cast.agentB.id });
    expect(await keys("", cast.agentB)).toEqual(["billing", "plain"]);
    const after = await search(cast.agentB, "status=any_open&limit=100");
    expect(after.json.data!.total).toBe(total + 1);
  });
});

describe("keyset pagination", () => {
  const tag = "pagecorpus";
  let all: number[];
  beforeAll(async () => {
    const base = Date.now() - 3_600_000;
    all = [];
    const prios = await db.select().from(priorities);
    for (let i = 0; i < 23; i++) {
      // Equal update times in groups of three: ties must still page without gaps or repeats.
      const at = new Date(base + Math.floor(i / 3) * 1000);
      const t = await createTicket(db, { deptId: cast.support.id, subject: `${tag} ${i % 2 ? "subjectword" : "other"}`, message: i % 2 ? "x" : "subjectword in body", createdAt: at, priorityId: prios[i % prios.length].id });
      all.push(t.id);
    }
  });

  async function walk(qs: string, limit: number) {
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: Awaited<ReturnType<typeof search>> = await search(cast.agentA, `${qs}&limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`);
      expect(res.status, JSON.stringify(res.json)).toBe(200);
      const page = res.json.data!;
      expect(page.items.length).toBeGreaterThan(0);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 50);
    return seen;
  }

  it.each([
    [`q=${tag}`, 4],
    [`q=${tag}%20subjectword`, 3],
    [`q=${tag}&sort=priority`, 5],
    [`q=${tag}&sort=urgency,priority:asc,created`, 6],
    [`q=${tag}&sort=subject&order=desc`, 7],
    [`q=${tag}&sort=created&order=asc`, 23],
  ])("%s, %i a page: every ticket once", async (qs, limit) => {
    const seen = await walk(qs, limit);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort((a, b) => a - b)).toEqual([...all].sort((a, b) => a - b));
  });

  it("the relevance order survives paging (subject hits first)", async () => {
    const seen = await walk(`q=${tag}%20subjectword`, 3);
    const rows = await db.select({ id: tickets.id, subject: tickets.subject }).from(tickets);
    const subj = new Map(rows.map((r) => [r.id, r.subject]));
    const firstBody = seen.findIndex((id) => !subj.get(id)!.includes("subjectword"));
    expect(seen.slice(firstBody).every((id) => !subj.get(id)!.includes("subjectword"))).toBe(true);
    expect(firstBody).toBe(11);
  });
});

describe("errors", () => {
  it.each([
    ["status=pending", "status.0"],
    ["deptId=abc", "deptId.0"],
    ["assignee=bob", "assignee.0"],
    ["createdFrom=yesterday", "createdFrom"],
    ["overdue=maybe", "overdue"],
    ["sort=colour", "sort"],
    ["sort=relevance,updated", "sort"],
    ["limit=1000", "limit"],
    ["colour=red", "_"],
    ["cursor=garbage", "cursor"],
    // Values the database cannot take are named, not a bare "out of range" with no field.
    ["createdFrom=0000-01-01", "createdFrom"],
    ["createdTo=9999-12-31", "createdTo"],
    ["updatedTo=2024-02-30", "updatedTo"],
    ["assignee=s9999999999", "assignee.0"],
    ["deptId=2147483648", "deptId.0"],
    ["orgId=0x10", "orgId.0"],
  ])("%s -> 400 naming %s", async (qs, field) => {
    const res = await search(cast.agentA, qs);
    expect(res.status).toBe(400);
    expect(Object.keys(res.json.errors!)).toContain(field);
    // An unknown key is named in the message of "_" (the foundation's convention).
    if (field === "_") expect(res.json.errors!._).toMatch(/colour/);
  });

  describe("crafted cursors are a 400 naming the cursor", () => {
    const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");
    const ts = "2024-05-01 10:00:00.123456+00";
    // Made by the server's own encoder (signed), so only the checks against the sort stop them.
    const signed = (criteria: Record<string, unknown>, body: Parameters<typeof encodeCursor>[1]) => encodeCursor(criteriaSchema.parse(criteria), body);
    it.each([
      ["an unsigned cursor (an unkeyed hash anyone can compute)", "limit=2", b64({ e: "pg", v: [ts, "1"], h: createHash("sha256").update("").digest("base64url").slice(0, 12) })],
      ["a tampered signature", "limit=2", `${signed({}, { e: "pg", v: [ts, "1"] }).split(".")[0]}.AAAAAAAAAAAAAAAAAAAAAA`],
      ["no values", "limit=2", signed({}, { e: "pg", v: [] })],
      ["too few values for the sort", "limit=2", signed({}, { e: "pg", v: ["1"] })],
      ["too many values for the sort", "limit=2", signed({}, { e: "pg", v: [ts, "1", "2"] })],
      ["a time that is not one", "limit=2", signed({}, { e: "pg", v: ["yesterday", "1"] })],
      ["a day not on the calendar", "limit=2", signed({}, { e: "pg", v: ["2024-02-30 10:00:00+00", "1"] })],
      ["an id that is not a number", "limit=2", signed({}, { e: "pg", v: [ts, "abc"] })],
      ["an id past the integer range", "limit=2", signed({}, { e: "pg", v: [ts, "99999999999"] })],
      ["a tier without relevance order", "limit=2", signed({}, { e: "pg", t: 0, v: [ts, "1"] })],
      ["a status that does not exist", "sort=status&limit=2", signed({ sort: "status" }, { e: "pg", v: ["lost", "1"] })],
      ["a NUL in a text value", "sort=subject&limit=2", signed({ sort: "subject" }, { e: "pg", v: ["a\u0000b", "1"] })],
      ["a relevance tier with no values", "q=outlook&limit=2", signed({ q: "outlook" }, { e: "pg", t: 2, v: [] })],
      ["a relevance tier this text does not have", "q=outlook&limit=2", signed({ q: "outlook" }, { e: "pg", t: 3, v: [ts, "1"] })],
      ["a relevance cursor without its tier", "q=outlook&limit=2", signed({ q: "outlook" }, { e: "pg", v: [ts, "1"] })],
    ])("%s", async (_n, qs, cursor) => {
      const res = await search(cast.agentA, `${qs}&cursor=${cursor}`);
      expect([res.status, res.json.errors]).toEqual([400, { cursor: expect.stringMatching(/^not a cursor of this list/) }]);
    });

    it("the same at the service; a cursor that fits the sort pages on", async () => {
      const actor = (await loadSessionStaff(db, cast.agentA.id))!;
      await expect(searchTickets(db, actor, criteriaSchema.parse({}), { cursor: signed({}, { e: "pg", v: [] }), limit: 2 })).rejects.toMatchObject({ status: 400, errors: { cursor: expect.any(String) } });
      const fits = await search(cast.agentA, `limit=2&cursor=${signed({}, { e: "pg", v: ["infinity", "2147483647"] })}`);
      expect(fits.status).toBe(200);
      expect(fits.json.data!.items.length).toBe(2);
    });
  });

  it("a cursor from another search is refused", async () => {
    for (let i = 0; i < 3; i++) await createTicket(db, { deptId: cast.support.id, subject: "cursor corpus" });
    const first = await search(cast.agentA, "q=cursor&limit=1");
    const res = await search(cast.agentA, `q=other&limit=1&cursor=${first.json.data!.nextCursor}`);
    expect(res.status).toBe(400);
    expect(res.json.errors!.cursor).toMatch(/another search/);
  });

  it("needs a session", async () => {
    expect((await search(null, "q=x")).status).toBe(401);
    const staffNoDept = await createStaff(db, {});
    expect((await search(staffNoDept, "q=zebrafax")).json.data!.items).toEqual([]);
  });
});
