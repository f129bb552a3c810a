// Staff management (admins): create, edit, deactivate, reset passwords; and each member's own
// password, signature and time zone. Deactivation and password changes bump the session
// version, which ends the member's sessions at once (lib/auth re-checks it on every request).
import { randomBytes } from "node:crypto";
import { and, count, eq, inArray, ne, sql } from "drizzle-orm";
import type { Db, Executor } from "@/db/client";
import { departments, staff, staffDepartments, teamMembers, teams } from "@/db/schema";
import { hashPassword, verifyCurrentPassword } from "@/lib/auth";
import { recordEvent } from "@/lib/events";
import { AppError } from "@/lib/http/errors";
import { getStaffMember } from "./queries";
import type { ChangeOwnPasswordInput, CreateStaffInput, ResetPasswordInput, UpdateProfileInput, UpdateStaffInput } from "./schemas";

type StaffRow = typeof staff.$inferSelect;
export interface StaffActor {
  id: number;
}

export const generatePassword = () => randomBytes(12).toString("base64url");

async function assertEmailFree(db: Executor, email: string, exceptId?: number) {
  const [other] = await db
    .select({ id: staff.id, name: staff.name })
    .from(staff)
    .where(and(sql`lower(${staff.email}) = ${email.toLowerCase()}`, exceptId ? ne(staff.id, exceptId) : undefined));
  if (other) throw new AppError("conflict", `${email} is already used by ${other.name}`, { errors: { email: "Already in use" }, data: { staffId: other.id } });
}

async function assertExist(db: Executor, field: string, table: typeof departments | typeof teams, ids: number[]) {
  if (!ids.length) return;
  const found = await db.select({ id: table.id }).from(table).where(inArray(table.id, ids));
  const missing = ids.filter((i) => !found.some((f) => f.id === i));
  if (missing.length) throw AppError.fields({ [field]: `Unknown: ${missing.join(", ")}` });
}

async function setMemberships(tx: Executor, staffId: number, deptIds?: number[], teamIds?: number[]) {
  if (deptIds) {
    await assertExist(tx, "deptIds", departments, deptIds);
    await tx.delete(staffDepartments).where(eq(staffDepartments.staffId, staffId));
    if (deptIds.length) await tx.insert(staffDepartments).values([...new Set(deptIds)].map((deptId) => ({ staffId, deptId })));
  }
  if (teamIds) {
    await assertExist(tx, "teamIds", teams, teamIds);
    await tx.delete(teamMembers).where(eq(teamMembers.staffId, staffId));
    if (teamIds.length) await tx.insert(teamMembers).values([...new Set(teamIds)].map((teamId) => ({ staffId, teamId })));
  }
}

/** Refuses a change that would leave no active admin. */
async function assertAdminRemains(tx: Executor, changing: StaffRow, next: { role?: string; isActive?: boolean }) {
  const demoted = next.role !== undefined && next.role !== "admin";
  const deactivated = next.isActive === false;
  if (!(changing.role === "admin" && changing.isActive && (demoted || deactivated))) return;
  const [{ n }] = await tx.select({ n: count() }).from(staff).where(and(eq(staff.role, "admin"), eq(staff.isActive, true), ne(staff.id, changing.id)));
  if (n === 0) throw new AppError("conflict", "This is the last active admin; make someone else an admin first");
}

/** The primary department is one of the member's departments (or none). */
function assertPrimaryInDepartments(primaryDeptId: number | null, deptIds: number[]) {
  if (primaryDeptId !== null && !deptIds.includes(primaryDeptId)) {
    throw AppError.fields({ primaryDeptId: `Must be one of the staff member's departments (deptIds: ${deptIds.join(", ") || "none"})` });
  }
}

export async function createStaff(db: Db, actor: StaffActor, input: CreateStaffInput) {
  const password = input.password ?? generatePassword();
  const passwordHash = await hashPassword(password);
  const id = await db.transaction(async (tx) => {
    await assertEmailFree(tx, input.email);
    const primaryDeptId = input.primaryDeptId ?? input.deptIds[0] ?? null;
    const deptIds = input.deptIds;
    await assertExist(tx, "deptIds", departments, deptIds);
    assertPrimaryInDepartments(primaryDeptId, deptIds);
    await assertExist(tx, "teamIds", teams, input.teamIds);
    const [row] = await tx
      .insert(staff)
      .values({ email: input.email, name: input.name, role: input.role, passwordHash, primaryDeptId, phone: input.phone ?? null, timezone: input.timezone, signature: input.signature })
      .returning();
    await setMemberships(tx, row.id, deptIds, input.teamIds);
    await recordEvent(tx, { entityType: "staff", entityId: row.id, action: "created", staffId: actor.id, after: { email: row.email, role: row.role, deptIds } });
    return row.id;
  });
  return { staff: await getStaffMember(db, id), password: input.password ? undefined : password };
}

export async function updateStaff(db: Db, actor: StaffActor, id: number, input: UpdateStaffInput) {
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(staff).where(eq(staff.id, id)).for("update");
    if (!row) throw new AppError("not_found", `Staff member ${id} not found`);
    // Deactivating yourself would end your own session at once and lock you out.
    if (id === actor.id && row.isActive && input.isActive === false) {
      throw new AppError("conflict", "You cannot deactivate your own account; another admin can", { errors: { isActive: "You cannot deactivate yourself" } });
    }
    if (input.email && input.email !== row.email.toLowerCase()) await assertEmailFree(tx, input.email, id);
    await assertAdminRemains(tx, row, input);
    if (input.deptIds) await assertExist(tx, "deptIds", departments, input.deptIds);
    if (input.primaryDeptId) await assertExist(tx, "primaryDeptId", departments, [input.primaryDeptId]);
    if (input.deptIds || input.primaryDeptId !== undefined) {
      const deptIds =
        input.deptIds ?? (await tx.select({ id: staffDepartments.deptId }).from(staffDepartments).where(eq(staffDepartments.staffId, id))).map((d) => d.id);
      assertPrimaryInDepartments(input.primaryDeptId !== undefined ? input.primaryDeptId : row.primaryDeptId, deptIds);
    }
    const { deptIds, teamIds, ...fields } = input;
    const deactivated = row.isActive && input.isActive === false;
    const patch: Partial<StaffRow> = { ...fields };
    if (deactivated) patch.sessionVersion = row.sessionVersion + 1;
    if (Object.keys(patch).length) await tx.update(staff).set(patch).where(eq(staff.id, id));
    await setMemberships(tx, id, deptIds, teamIds);
    const changed = Object.keys(input);
    await recordEvent(tx, {
      entityType: "staff",
      entityId: id,
      action: deactivated ? "deactivated" : !row.isActive && input.isActive ? "reactivated" : "updated",
      staffId: actor.id,
      before: Object.fromEntries(changed.filter((k) => k in row).map((k) => [k, row[k as keyof StaffRow]])),
      after: Object.fromEntries(changed.map((k) => [k, input[k as keyof UpdateStaffInput]])),
    });
  });
  return getStaffMember(db, id);
}

/** Admin reset: a new password (given or generated, returned once); the member's sessions end. */
export async function resetStaffPassword(db: Db, actor: StaffActor, id: number, input: ResetPasswordInput) {
  const password = input.password ?? generatePassword();
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const [row] = await tx.update(staff).set({ passwordHash, sessionVersion: sql`${staff.sessionVersion} + 1` }).where(eq(staff.id, id)).returning({ id: staff.id });
    if (!row) throw new AppError("not_found", `Staff member ${id} not found`);
    await recordEvent(tx, { entityType: "staff", entityId: id, action: "password_reset", staffId: actor.id });
  });
  return { password: input.password ? undefined : password };
}

/** Own password change: other sessions end; the caller gets the new session version for a fresh cookie. */
export async function changeOwnPassword(db: Db, me: StaffActor, input: ChangeOwnPasswordInput) {
  const [row] = await db.select().from(staff).where(eq(staff.id, me.id));
  if (!row || !(await verifyCurrentPassword(db, row, input.currentPassword))) {
    throw AppError.fields({ currentPassword: "That is not your current password" }, "Password not changed");
  }
  const passwordHash = await hashPassword(input.newPassword);
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(staff)
      .set({ passwordHash, sessionVersion: sql`${staff.sessionVersion} + 1` })
      .where(eq(staff.id, me.id))
      .returning();
    await recordEvent(tx, { entityType: "staff", entityId: me.id, action: "password_changed", staffId: me.id });
    return updated;
  });
}

export async function updateOwnProfile(db: Db, me: StaffActor, input: UpdateProfileInput) {
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(staff).where(eq(staff.id, me.id));
    await tx.update(staff).set(input).where(eq(staff.id, me.id));
    const keys = Object.keys(input) as (keyof UpdateProfileInput)[];
    await recordEvent(tx, {
      entityType: "staff",
      entityId: me.id,
      action: "profile_updated",
      staffId: me.id,
      before: Object.fromEntries(keys.map((k) => [k, row[k]])),
      after: input,
    });
  });
  return getStaffMember(db, me.id);
}
