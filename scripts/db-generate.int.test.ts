// The data generator: everything it writes is consistent with what the services would have
// written (search documents, counts summary, escalation state), and numbers follow the setting.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createTestDb } from "@/db/testing";
import { rows } from "@/db/rows";
import { updateSettings } from "@/lib/config/settings";
import { countMany, searchTickets } from "@/lib/search";
import { seedCore } from "@/lib/setup/seed";
import { generateData } from "./lib/generate-data";

const { db } = await createTestDb();
const admin = { id: 1, role: "admin", deptIds: [], teamIds: [] };

describe("db:generate --tickets", () => {
  it("writes tickets with threads, search documents and counts that agree", async () => {
    await seedCore(db, { adminEmail: "admin@example.com", adminPassword: "admin-password-1" });
    const r = await generateData(db, { tickets: 1200, batch: 500 });
    expect(r.tickets).toBe(1200);
    const [t] = await rows<{ n: number; docs: number; six: number; entries: number; esc: number; escEvents: number }>(
      db,
      sql`SELECT count(*)::int AS n, (SELECT count(*)::int FROM ticket_search) AS docs, count(*) FILTER (WHERE length(number) = 6)::int AS six,
            (SELECT count(*)::int FROM thread_entries) AS entries, count(*) FILTER (WHERE escalated_at IS NOT NULL)::int AS esc,
            (SELECT count(DISTINCT ticket_id)::int FROM events WHERE action = 'escalated') AS "escEvents"
          FROM tickets`,
    );
    expect(t).toMatchObject({ n: 1200, docs: 1200, six: 1200, entries: r.entries, esc: t.escEvents });
    // The counts summary (trigger-kept) agrees with counting the tickets.
    const [open, closed] = await countMany(db, admin, [{ status: ["any_open"] }, { status: ["any_closed"] }]);
    const [direct] = await rows<{ open: number; closed: number }>(
      db,
      sql`SELECT count(*) FILTER (WHERE status IN ('open', 'awaiting_client'))::int AS open, count(*) FILTER (WHERE status IN ('resolved', 'closed', 'archived'))::int AS closed FROM tickets`,
    );
    expect([open!.count, closed!.count]).toEqual([direct.open, direct.closed]);
    // Generated text is searchable, Japanese included.
    const page = await searchTickets(db, admin, { q: "printer" }, { limit: 5 });
    expect(page.items.length).toBeGreaterThan(0);
    const [ja] = await rows<{ id: number }>(db, sql`SELECT id FROM tickets WHERE subject ~ '[ぁ-んァ-ン一-龯]' LIMIT 1`);
    if (ja) expect((await searchTickets(db, admin, { q: "請求" }, { limit: 100 })).total).toBeGreaterThan(0);
  });

  it("uses the sequence when the number format setting says so", async () => {
    await updateSettings(db, { ticketNumberFormat: "sequence" });
    await generateData(db, { tickets: 20, batch: 10 });
    const last = await rows<{ number: string }>(db, sql`SELECT number FROM tickets ORDER BY id DESC LIMIT 20`);
    const nums = last.map((r) => Number(r.number));
    expect(nums.every((n) => n >= 1000 && n < 100000)).toBe(true);
    expect(new Set(nums).size).toBe(20);
  });
});
