// The core seed: what an empty database needs to be usable. Idempotent: every row is found by
// its natural key first, so a second run changes nothing.
import { randomBytes } from "node:crypto";
import { count, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Db, Executor } from "@/db/client";
import { apiKeys, departments, helpTopics, priorities, slaPlans, staff, staffDepartments } from "@/db/schema";
import { createApiKey } from "@/lib/api-keys";
import { hashPassword } from "@/lib/auth/password";
import { getSettings, insertDefaultSettings, updateSettings, clearSettingsCache } from "@/lib/config/settings";
import { recordEvent } from "@/lib/events";

export interface SeedOptions {
  adminEmail: string;
  /** When absent a password is generated and returned (printed once by the caller). */
  adminPassword?: string;
}

export interface SeedResult {
  created: string[];
  admin: { email: string; password?: string };
  apiKey?: string;
}

const nameIs = (column: AnyPgColumn, name: string) => sql`lower(${column}) = lower(${name})`;

async function findOrCreate<T>(find: () => Promise<T | undefined>, create: () => Promise<T>, created: string[], label: string): Promise<T> {
  const existing = await find();
  if (existing) return existing;
  created.push(label);
  return create();
}

export async function seedCore(db: Db, opts: SeedOptions): Promise<SeedResult> {
  const result = await db.transaction(async (tx) => {
    const created: string[] = [];

    const sla = await findOrCreate(
      async () => (await tx.select().from(slaPlans).where(nameIs(slaPlans.name, "Default SLA")))[0],
      async () => (await tx.insert(slaPlans).values({ name: "Default SLA", graceHours: 24 }).returning())[0],
      created,
      "SLA plan Default SLA",
    );

    const priorityDefs = [
      { name: "Low", urgency: 1, color: "#64748b" },
      { name: "Normal", urgency: 2, color: "#2563eb", isDefault: true },
      { name: "High", urgency: 3, color: "#d97706" },
      { name: "Emergency", urgency: 4, color: "#dc2626" },
    ];
    const prio: Record<string, number> = {};
    for (const p of priorityDefs) {
      const row = await findOrCreate(
        async () => (await tx.select().from(priorities).where(nameIs(priorities.name, p.name)))[0],
        async () => (await tx.insert(priorities).values(p).returning())[0],
        created,
        `priority ${p.name}`,
      );
      prio[p.name] = row.id;
    }

    const dept: Record<string, number> = {};
    for (const name of ["Support", "Billing"]) {
      const row = await findOrCreate(
        async () => (await tx.select().from(departments).where(nameIs(departments.name, name)))[0],
        async () => (await tx.insert(departments).values({ name, slaId: sla.id }).returning())[0],
        created,
        `department ${name}`,
      );
      dept[name] = row.id;
    }

    const topicDefs = [
      { name: "General Inquiry", deptId: dept.Support, priorityId: prio.Normal },
      { name: "Technical Issue", deptId: dept.Support, priorityId: prio.High },
      { name: "Billing Question", deptId: dept.Billing, priorityId: prio.Normal },
      { name: "Documentation Update", deptId: dept.Support, priorityId: prio.Normal, docsRequired: true },
    ];
    for (const t of topicDefs) {
      await findOrCreate(
        async () => (await tx.select().from(helpTopics).where(nameIs(helpTopics.name, t.name)))[0],
        async () => (await tx.insert(helpTopics).values({ ...t, slaId: sla.id }).returning())[0],
        created,
        `help topic ${t.name}`,
      );
    }

    const admin: SeedResult["admin"] = { email: opts.adminEmail };
    const [existingAdmin] = await tx.select().from(staff).where(sql`lower(${staff.email}) = lower(${opts.adminEmail})`);
    if (!existingAdmin) {
      const password = opts.adminPassword ?? randomBytes(12).toString("base64url");
      const [row] = await tx
        .insert(staff)
        .values({
          email: opts.adminEmail.toLowerCase(),
          name: "Administrator",
          role: "admin",
          passwordHash: await hashPassword(password),
          primaryDeptId: dept.Support,
        })
        .returning();
      await tx.insert(staffDepartments).values(Object.values(dept).map((deptId) => ({ staffId: row.id, deptId })));
      await recordEvent(tx, { entityType: "staff", entityId: row.id, action: "created", actor: "seed", after: { email: row.email, role: row.role } });
      created.push(`admin ${row.email}`);
      if (!opts.adminPassword) admin.password = password;
    }

    if ((await insertDefaultSettings(tx)) > 0) created.push("default settings");
    clearSettingsCache();
    const current = await getSettings(tx);
    const defaults: Record<string, number> = {};
    if (current.defaultDeptId === null) defaults.defaultDeptId = dept.Support;
    if (current.defaultPriorityId === null) defaults.defaultPriorityId = prio.Normal;
    if (current.defaultSlaId === null) defaults.defaultSlaId = sla.id;
    if (Object.keys(defaults).length) {
      await updateSettings(tx, defaults);
      created.push("default department, priority and SLA");
    }

    let apiKey: string | undefined;
    const [{ n }] = await tx.select({ n: count() }).from(apiKeys);
    if (n === 0) {
      apiKey = (await createApiKey(tx, { name: "Default key" }, { actor: "seed" })).key;
      created.push("API key");
    }
    return { created, admin, apiKey };
  });
  clearSettingsCache();
  return result;
}

/** True when the database has never been seeded (no staff at all). */
export async function isEmpty(db: Executor): Promise<boolean> {
  const [{ n }] = await db.select({ n: count() }).from(staff);
  return n === 0;
}
