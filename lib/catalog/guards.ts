// Checks shared by the catalog services: unique names, references that must exist, and the
// rule that a row still in use is deactivated rather than deleted (tickets keep their history).
import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { rows } from "@/db/rows";
import type { departments, helpTopics, priorities, slaPlans, staff, teams } from "@/db/schema";
import { getSettings } from "@/lib/config/settings";
import { AppError } from "@/lib/http/errors";

type Named = typeof departments | typeof teams | typeof helpTopics | typeof priorities | typeof slaPlans;
type Referenced = Named | typeof staff;

/** 409 naming the field when another row of the table already has the name (case-insensitive). */
export async function assertNameFree(db: Executor, table: Named, label: string, name: string, exceptId?: number) {
  const [other] = await rows<{ id: number }>(
    db,
    sql`SELECT id FROM ${table} WHERE lower(name) = lower(${name}) ${exceptId ? sql`AND id <> ${exceptId}` : sql``} LIMIT 1`,
  );
  if (other) throw new AppError("conflict", `A ${label} named "${name}" already exists`, { errors: { name: "Already in use" }, data: { id: other.id } });
}

/** 400 naming the field when a referenced row is missing (or inactive, when required active). */
export async function assertRefs(db: Executor, refs: Array<{ field: string; table: Referenced; ids: Array<number | null | undefined>; active?: boolean }>) {
  const errors: Record<string, string> = {};
  for (const r of refs) {
    const ids = [...new Set(r.ids.filter((x): x is number => typeof x === "number"))];
    if (!ids.length) continue;
    const found = await rows<{ id: number; is_active: boolean }>(db, sql`SELECT id, is_active FROM ${r.table} WHERE id IN ${ids}`);
    const missing = ids.filter((i) => !found.some((f) => Number(f.id) === i && (!r.active || f.is_active)));
    if (missing.length) errors[r.field] = `${r.active ? "Unknown or inactive" : "Unknown"}: ${missing.join(", ")}`;
  }
  if (Object.keys(errors).length) throw AppError.fields(errors);
}

/** How many rows of `table` point at the id through `column` (plain SQL: some tables belong to other domains). */
export async function countRefs(db: Executor, table: string, column: string, id: number, extra?: SQL): Promise<number> {
  const [row] = await rows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)} WHERE ${sql.identifier(column)} = ${id} ${extra ? sql`AND ${extra}` : sql``}`,
  );
  return Number(row?.n ?? 0);
}

/** Whether the table exists yet (tables of domains built in parallel, e.g. tasks). */
export async function tableExists(db: Executor, table: string): Promise<boolean> {
  const [row] = await rows<{ t: string | null }>(db, sql`SELECT to_regclass(${table})::text AS t`);
  return !!row?.t;
}

/** Refuses to delete a row that tickets still use: the admin deactivates it instead. */
export async function assertUnused(db: Executor, label: string, uses: Array<{ table: string; column: string; what: string }>, id: number) {
  const found: string[] = [];
  for (const u of uses) {
    if (!(await tableExists(db, u.table))) continue;
    const n = await countRefs(db, u.table, u.column, id);
    if (n) found.push(`${n} ${u.what}${n === 1 ? "" : "s"}`);
  }
  if (found.length) {
    throw new AppError("conflict", `This ${label} is still used by ${found.join(" and ")}; deactivate it instead`, { data: { uses: found } });
  }
}

/** Refuses to deactivate or delete what the settings use as the default for new tickets. */
export async function assertNotDefault(db: Executor, key: "defaultDeptId" | "defaultPriorityId" | "defaultSlaId", label: string, id: number) {
  const s = await getSettings(db);
  if (s[key] === id) throw new AppError("conflict", `This ${label} is the default for new tickets; choose another default in Settings first`);
}

/** A unique-index race (two admins creating the same name at once) answers 409, not 500. */
export function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; cause?: { code?: string } };
  return err?.code === "23505" || err?.cause?.code === "23505";
}

export async function uniqueName<T>(label: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("conflict", `A ${label} with that name already exists`, { errors: { name: "Already in use" } });
    throw e;
  }
}
