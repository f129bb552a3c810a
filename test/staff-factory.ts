// Staff, teams and the standard cast for staff API tests: an admin, a manager of both
// departments, agentA (Support), agentB (Billing) and a deactivated Support agent.
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { StaffRole } from "@/db/enums";
import { staff, staffDepartments, teamMembers, teams } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { seedBasics } from "./factories";

export const STAFF_PASSWORD = "staff-password-123";
let hash: Promise<string> | undefined;
const passwordHash = () => (hash ??= hashPassword(STAFF_PASSWORD));

let n = 0;
export async function createStaff(
  db: Db,
  opts: { role?: StaffRole; deptIds?: number[]; teamIds?: number[]; isActive?: boolean; email?: string; name?: string } = {},
) {
  n++;
  const [row] = await db
    .insert(staff)
    .values({
      email: opts.email ?? `staff${n}-${Math.random().toString(36).slice(2, 8)}@example.com`,
      name: opts.name ?? `Staff ${n}`,
      role: opts.role ?? "agent",
      passwordHash: await passwordHash(),
      primaryDeptId: opts.deptIds?.[0] ?? null,
      isActive: opts.isActive ?? true,
    })
    .returning();
  if (opts.deptIds?.length) await db.insert(staffDepartments).values(opts.deptIds.map((deptId) => ({ staffId: row.id, deptId })));
  if (opts.teamIds?.length) await db.insert(teamMembers).values(opts.teamIds.map((teamId) => ({ teamId, staffId: row.id })));
  return row;
}

export async function createTeam(db: Db, name = `Team ${++n}`, memberIds: number[] = []) {
  const [row] = await db.insert(teams).values({ name }).returning();
  if (memberIds.length) await db.insert(teamMembers).values(memberIds.map((staffId) => ({ teamId: row.id, staffId })));
  return row;
}

export type Cast = Awaited<ReturnType<typeof seedStaffCast>>;

export async function seedStaffCast(db: Db) {
  const basics = await seedBasics(db);
  const { support, billing } = basics;
  const [admin] = await db.select().from(staff).where(eq(staff.email, "admin@example.com"));
  const manager = await createStaff(db, { role: "manager", deptIds: [support.id, billing.id], name: "Morgan Manager", email: "pm@example.com" });
  const agentA = await createStaff(db, { deptIds: [support.id], name: "Alex Agent", email: "agent1@example.com" });
  const agentB = await createStaff(db, { deptIds: [billing.id], name: "Blair Agent", email: "agent2@example.com" });
  const inactive = await createStaff(db, { deptIds: [support.id], isActive: false, name: "Gone Agent", email: "gone@example.com" });
  return { ...basics, admin, manager, agentA, agentB, inactive };
}
