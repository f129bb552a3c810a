// Creating and editing organizations: unique name (case-insensitive), each email domain in at
// most one organization (otherwise automatic membership would be ambiguous), an account PM who
// is an active manager or admin. One transaction with its event.
import { and, eq, ne, sql } from "drizzle-orm";
import type { Db, Executor } from "@/db/client";
import { organizations, staff } from "@/db/schema";
import { recordEvent } from "@/lib/events";
import { AppError } from "@/lib/http/errors";
import type { OrgRow } from "./dto";
import { getOrg } from "./queries";
import type { CreateOrgInput, UpdateOrgInput } from "./schemas";
import { indexRequesters } from "@/lib/search";

interface OrgActor {
  id: number;
}

async function assertNameFree(db: Executor, name: string, exceptId?: number) {
  const [other] = await db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(and(sql`lower(${organizations.name}) = ${name.toLowerCase()}`, exceptId ? ne(organizations.id, exceptId) : undefined));
  if (other) throw new AppError("conflict", `An organization named "${other.name}" already exists`, { errors: { name: "Already in use" }, data: { orgId: other.id } });
}

async function assertDomainsFree(db: Executor, domains: string[], exceptId?: number) {
  if (!domains.length) return;
  const taken = await db
    .select({ id: organizations.id, name: organizations.name, domains: organizations.domains })
    .from(organizations)
    .where(and(sql`${organizations.domains} && ARRAY[${sql.join(domains.map((d) => sql`${d}`), sql`, `)}]::text[]`, exceptId ? ne(organizations.id, exceptId) : undefined));
  if (!taken.length) return;
  const clash = taken.flatMap((o) => o.domains.filter((d) => domains.includes(d)).map((d) => `${d} (${o.name})`));
  throw new AppError("conflict", `Domain already used by another organization: ${clash.join(", ")}`, {
    errors: { domains: `Already used: ${clash.join(", ")}` },
    data: { orgIds: taken.map((o) => o.id) },
  });
}

async function assertAccountPm(db: Executor, pmId: number | null | undefined) {
  if (pmId === null || pmId === undefined) return;
  const [pm] = await db.select({ role: staff.role, isActive: staff.isActive, name: staff.name }).from(staff).where(eq(staff.id, pmId));
  if (!pm || !pm.isActive) throw AppError.fields({ accountPmId: `No active staff member ${pmId}` });
  if (pm.role === "agent") throw AppError.fields({ accountPmId: `${pm.name} is an agent; the account PM must be a manager or admin` });
}

/** Two admins creating the same name at once: the unique index decides, answered as 409. */
function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; cause?: { code?: string } };
  return err?.code === "23505" || err?.cause?.code === "23505";
}

async function unique<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("conflict", "An organization with that name already exists", { errors: { name: "Already in use" } });
    throw e;
  }
}

const tracked = ["name", "domains", "accountPmId", "docsRequired", "harvestProjectId", "budgetHours", "quotedHours", "notes"] as const;

export async function createOrg(db: Db, actor: OrgActor, input: CreateOrgInput) {
  const id = await unique(() =>
    db.transaction(async (tx) => {
      await assertNameFree(tx, input.name);
      await assertDomainsFree(tx, input.domains);
      await assertAccountPm(tx, input.accountPmId);
      const [row] = await tx
        .insert(organizations)
        .values({
          name: input.name,
          domains: input.domains,
          accountPmId: input.accountPmId ?? null,
          docsRequired: input.docsRequired,
          harvestProjectId: input.harvestProjectId || null,
          budgetHours: input.budgetHours ?? null,
          quotedHours: input.quotedHours ?? null,
          notes: input.notes,
        })
        .returning();
      await recordEvent(tx, { entityType: "organization", entityId: row.id, action: "created", staffId: actor.id, after: pick(row, tracked) });
      return row.id;
    }),
  );
  return getOrg(db, id);
}

export async function updateOrg(db: Db, actor: OrgActor, id: number, input: UpdateOrgInput) {
  const changed = await unique(() =>
    db.transaction(async (tx) => {
      const [current] = await tx.select().from(organizations).where(eq(organizations.id, id)).for("update");
      if (!current) throw new AppError("not_found", `Organization ${id} not found`);
      if (input.name !== undefined) await assertNameFree(tx, input.name, id);
      if (input.domains !== undefined) await assertDomainsFree(tx, input.domains, id);
      if (input.accountPmId !== undefined) await assertAccountPm(tx, input.accountPmId);
      const patch: Partial<OrgRow> = { ...input, ...(input.harvestProjectId !== undefined ? { harvestProjectId: input.harvestProjectId || null } : {}) };
      const keys = tracked.filter((k) => k in patch && JSON.stringify(patch[k]) !== JSON.stringify(current[k]));
      if (!keys.length) return [];
      const [row] = await tx.update(organizations).set(patch).where(eq(organizations.id, id)).returning();
      await recordEvent(tx, { entityType: "organization", entityId: id, action: "updated", staffId: actor.id, before: pick(current, keys), after: pick(row, keys) });
      if (keys.includes("name")) await indexRequesters(tx, { orgId: id });
      return keys;
    }),
  );
  return { org: await getOrg(db, id), changed };
}

function pick(row: OrgRow, keys: readonly (keyof OrgRow)[]) {
  return Object.fromEntries(keys.map((k) => [k, row[k]]));
}
