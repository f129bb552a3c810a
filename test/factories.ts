// Test data builders on top of the core seed.
import type { Db } from "@/db/client";
import { seedCore } from "@/lib/setup/seed";
import { departments, priorities, users } from "@/db/schema";

export async function seedBasics(db: Db) {
  const seed = await seedCore(db, { adminEmail: "admin@example.com", adminPassword: "admin-password-1" });
  const depts = await db.select().from(departments);
  const prios = await db.select().from(priorities);
  return {
    seed,
    support: depts.find((d) => d.name === "Support")!,
    billing: depts.find((d) => d.name === "Billing")!,
    normal: prios.find((p) => p.name === "Normal")!,
  };
}

export async function createUser(db: Db, email = `user-${Math.random().toString(36).slice(2)}@example.net`, name = "Test User") {
  const [row] = await db.insert(users).values({ email, name }).returning();
  return row;
}
