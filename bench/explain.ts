// EXPLAIN (ANALYZE) of the statements behind one search or queue page, for bench/README.md.
//   BENCH_DATABASE_URL=... npx tsx bench/explain.ts '<criteria JSON>' [admin|agent]
import { type SQL, and, sql } from "drizzle-orm";
import { openDb } from "@/db/client";
import { rows } from "@/db/rows";
import { COUNT_CAP, type Criteria, criteriaSchema, criteriaSql, sortTerms, textMatch } from "@/lib/search";
import { keySelect, orderBySql, sortColumns } from "@/lib/search/sort";

const handle = await openDb({ url: process.env.BENCH_DATABASE_URL!, driver: "pg", poolMax: 2 });
const db = handle.db;
const c: Criteria = criteriaSchema.parse(JSON.parse(process.argv[2] ?? "{}"));
const [admin] = await rows<{ id: number }>(db, sql`SELECT id FROM staff WHERE role = 'admin' ORDER BY id LIMIT 1`);
const [ag] = await rows<{ id: number; dept_id: number }>(db, sql`SELECT s.id, sd.dept_id FROM staff s JOIN staff_departments sd ON sd.staff_id = s.id WHERE s.role = 'agent' ORDER BY s.id LIMIT 1`);
const teams = (await rows<{ id: number }>(db, sql`SELECT id FROM teams ORDER BY id LIMIT 2`)).map((t) => Number(t.id));
const actor = process.argv[3] === "agent" ? { id: Number(ag.id), role: "agent", deptIds: [Number(ag.dept_id)], teamIds: teams } : { id: Number(admin.id), role: "admin", deptIds: [], teamIds: [] };

async function explain(label: string, q: SQL) {
  const plan = await rows<{ "QUERY PLAN": string }>(db, sql`EXPLAIN (ANALYZE, BUFFERS) ${q}`);
  console.log(`-- ${label}\n${plan.map((r) => r["QUERY PLAN"]).join("\n")}\n`);
}
const filters = criteriaSql(c, actor);
const text = textMatch(c.q);
const terms = sortTerms(c);
if (text && terms[0].key === "relevance") {
  const cols = sortColumns([{ key: "updated", order: "desc" }]);
  for (const t of text.tiers) {
    const join = t.needsDoc ? sql`JOIN ticket_search s ON s.ticket_id = tickets.id` : sql``;
    await explain(`tier ${t.field}`, sql`SELECT tickets.id, ${keySelect(cols)} FROM tickets ${join} WHERE ${and(filters, t.cond)} ORDER BY ${orderBySql(cols)} LIMIT 26`);
  }
} else {
  const cols = sortColumns(terms);
  await explain("page", sql`SELECT tickets.id, ${keySelect(cols)} FROM tickets WHERE ${text ? and(filters, text.any) : filters} ORDER BY ${orderBySql(cols)} LIMIT 26`);
}
await explain("count (capped)", sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM tickets WHERE ${text ? and(filters, text.any) : filters} LIMIT ${COUNT_CAP + 1}) m`);
await handle.close();
