import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDb } from "@/db/testing";
import { rows } from "@/db/rows";
import { verifyPassword } from "@/lib/auth/password";
import { staff } from "@/db/schema";
import { getSettings } from "@/lib/config/settings";
import { seedCore } from "./seed";
import { criteriaSchema, searchTickets } from "@/lib/search";
import { seedDemo } from "./demo";

const tables = ["staff", "departments", "staff_departments", "help_topics", "priorities", "sla_plans", "settings", "api_keys", "events"];

async function counts(db: Parameters<typeof rows>[0]) {
  const out: Record<string, number> = {};
  for (const t of tables) out[t] = (await rows<{ n: number }>(db, sql.raw(`SELECT count(*)::int AS n FROM ${t}`)))[0].n;
  return out;
}

describe("seedCore", () => {
  it("creates the core data once; a second run changes nothing", async () => {
    const { db } = await createTestDb();
    const first = await seedCore(db, { adminEmail: "Boss@Example.com" });
    expect(first.admin.password).toMatch(/.{12,}/);
    expect(first.apiKey).toMatch(/^hd_/);
    const after1 = await counts(db);
    expect(after1).toMatchObject({ staff: 1, departments: 2, priorities: 4, sla_plans: 1, api_keys: 1 });

    const [admin] = await db.select().from(staff);
    expect(admin.email).toBe("boss@example.com");
    expect(admin.role).toBe("admin");
    expect(await verifyPassword(admin.passwordHash!, first.admin.password!)).toBe(true);
    const settings = await getSettings(db);
    expect(settings.defaultDeptId).not.toBeNull();
    expect(settings.defaultPriorityId).not.toBeNull();

    const second = await seedCore(db, { adminEmail: "boss@example.com" });
    expect(second.created).toEqual([]);
    expect(second.admin.password).toBeUndefined();
    expect(second.apiKey).toBeUndefined();
    expect(await counts(db)).toEqual(after1);
  });

  it("uses the configured admin password", async () => {
    const { db } = await createTestDb();
    const result = await seedCore(db, { adminEmail: "a@example.com", adminPassword: "correct horse" });
    expect(result.admin.password).toBeUndefined();
    const [admin] = await db.select().from(staff);
    expect(await verifyPassword(admin.passwordHash!, "correct horse")).toBe(true);
  });

  it("demo seed adds organizations, users and tickets with threads, once", async () => {
    const { db } = await createTestDb();
    await seedCore(db, { adminEmail: "a@example.com", adminPassword: "x-password" });
    const demo = await seedDemo(db, { tickets: 40 });
    expect(demo.skipped).toBe(false);
    const [{ n }] = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM tickets`);
    expect(n).toBe(40);
    const [{ m }] = await rows<{ m: number }>(db, sql`SELECT count(*)::int AS m FROM tickets t WHERE NOT EXISTS (SELECT 1 FROM thread_entries e WHERE e.ticket_id = t.id)`);
    expect(m).toBe(0);
    // Searchable at once: each ticket has its document, and a word of a subject finds it.
    const [{ d }] = await rows<{ d: number }>(db, sql`SELECT count(*)::int AS d FROM ticket_search`);
    expect(d).toBe(40);
    const [first] = await rows<{ id: number; subject: string }>(db, sql`SELECT id, subject FROM tickets ORDER BY id LIMIT 1`);
    const word = first.subject.split(/\W+/).find((w) => w.length >= 5)!;
    const [admin] = await db.select().from(staff).where(sql`${staff.role} = 'admin'`);
    const found = await searchTickets(db, { id: admin.id, role: "admin", deptIds: [], teamIds: [] }, criteriaSchema.parse({ q: word }), { limit: 100 });
    expect(found.items.map((t) => t.id)).toContain(first.id);
    expect(demo.staffEmails).toEqual(["agent1@example.com (agent)", "agent2@example.com (agent)", "pm@example.com (manager)"]);
    expect((await seedDemo(db, { tickets: 40 })).skipped).toBe(true);
  });
});
