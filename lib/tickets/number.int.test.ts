import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { createTestDb } from "@/db/testing";
import { rows } from "@/db/rows";
import { tickets } from "@/db/schema";
import { createUser, seedBasics } from "@/test/factories";
import { scaled } from "@/test/scale";
import { clearDigitsCache, countTicketsWithDigits, currentDigits, withUniqueNumber } from "./number";

let db: Db;
let base: Awaited<ReturnType<typeof seedBasics>>;
let userId: number;

beforeAll(async () => {
  db = (await createTestDb()).db;
  base = await seedBasics(db);
  userId = (await createUser(db)).id;
});

function insertTicket(format: "random" | "sequence") {
  return withUniqueNumber(db, format, async (number) => {
    const [row] = await db
      .insert(tickets)
      .values({ number, subject: "s", userId, deptId: base.support.id, priorityId: base.normal.id, source: "api" })
      .onConflictDoNothing({ target: tickets.number })
      .returning({ id: tickets.id, number: tickets.number });
    return row ?? null;
  });
}

describe("ticket numbers", () => {
  it("stay unique under many concurrent creations", async () => {
    const total = scaled(10_000, 1_000);
    const made: { number: string }[] = [];
    const batch = 500;
    for (let i = 0; i < total; i += batch) {
      made.push(...(await Promise.all(Array.from({ length: Math.min(batch, total - i) }, () => insertTicket("random")))));
    }
    expect(made).toHaveLength(total);
    expect(new Set(made.map((t) => t.number)).size).toBe(total);
    for (const t of made) expect(t.number).toMatch(/^[1-9]\d{5}$/);
    const [{ n }] = await rows<{ n: number }>(db, sql`SELECT count(DISTINCT number)::int AS n FROM tickets`);
    expect(n).toBe(total);
  });

  it("switch to a sequence when the setting says so", async () => {
    const a = await insertTicket("sequence");
    const b = await insertTicket("sequence");
    expect(Number(b.number)).toBe(Number(a.number) + 1);
  });

  it("counts tickets by number length, stopping at the limit", async () => {
    const { db: fresh } = await createTestDb({ install: false });
    const b = await seedBasics(fresh);
    const u = await createUser(fresh);
    await fresh.execute(sql`
      INSERT INTO tickets (number, subject, user_id, dept_id, priority_id, source)
      SELECT (100000 + g)::text, 's', ${u.id}, ${b.support.id}, ${b.normal.id}, 'api' FROM generate_series(0, 299) g`);
    await fresh.execute(sql`
      INSERT INTO tickets (number, subject, user_id, dept_id, priority_id, source)
      SELECT (1000000 + g)::text, 's', ${u.id}, ${b.support.id}, ${b.normal.id}, 'api' FROM generate_series(0, 9) g`);
    expect(await countTicketsWithDigits(fresh, 6, 1000)).toBe(300);
    expect(await countTicketsWithDigits(fresh, 6, 100)).toBe(100);
    expect(await countTicketsWithDigits(fresh, 7, 1000)).toBe(10);
    clearDigitsCache();
    expect(await currentDigits(fresh)).toBe(6);
  });
});
