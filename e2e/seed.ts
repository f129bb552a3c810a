// E2E fixtures: the core seed plus an admin, a manager and two agents in different departments.
import { sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { departments, staff, staffDepartments } from "../db/schema";
import { hashPassword } from "../lib/auth/password";
import { createApiKey } from "../lib/api-keys";
import { updateSettings } from "../lib/config/settings";
import { seedCore } from "../lib/setup/seed";

export const E2E_PASSWORD = "e2e-password-123";

export async function seedE2e(db: Db) {
  await seedCore(db, { adminEmail: "admin@example.com", adminPassword: E2E_PASSWORD });
  // Every browser of the e2e run reaches the server from 127.0.0.1: a per-address sign-in lock
  // would turn one lockout test into a lock for all. Per-account locking keeps its default.
  await updateSettings(db, { signInMaxFailuresPerAddress: 1000 });
  const depts = await db.select().from(departments);
  const support = depts.find((d) => d.name === "Support")!;
  const billing = depts.find((d) => d.name === "Billing")!;
  const passwordHash = await hashPassword(E2E_PASSWORD);
  const defs = [
    { key: "manager", email: "pm@example.com", name: "Morgan Manager", role: "manager" as const, depts: [support.id, billing.id] },
    { key: "agentA", email: "agent1@example.com", name: "Alex Agent", role: "agent" as const, depts: [support.id] },
    { key: "agentB", email: "agent2@example.com", name: "Blair Agent", role: "agent" as const, depts: [billing.id] },
  ];
  const out: Record<string, { id: number; email: string; name: string }> = {};
  for (const d of defs) {
    const [row] = await db
      .insert(staff)
      .values({ email: d.email, name: d.name, role: d.role, passwordHash, primaryDeptId: d.depts[0] })
      .returning();
    await db.insert(staffDepartments).values(d.depts.map((deptId) => ({ staffId: row.id, deptId })));
    out[d.key] = { id: row.id, email: row.email, name: row.name };
  }
  const [admin] = await db.select().from(staff).where(sql`lower(${staff.email}) = 'admin@example.com'`);
  out.admin = { id: admin.id, email: admin.email, name: admin.name };
  const { key } = await createApiKey(db, { name: "e2e" }, { actor: "e2e" });
  return { apiKey: key, password: E2E_PASSWORD, staff: out as never };
}
