// Staff rows -> API shapes. The password hash never leaves lib/.
import type { staff } from "@/db/schema";

type StaffRow = typeof staff.$inferSelect;

export function toStaffMember(s: StaffRow, deptIds: number[], teamIds: number[]) {
  return {
    id: s.id,
    email: s.email,
    name: s.name,
    role: s.role,
    isActive: s.isActive,
    primaryDeptId: s.primaryDeptId,
    deptIds,
    teamIds,
    phone: s.phone,
    timezone: s.timezone,
    signature: s.signature,
    smsOptOut: s.smsOptOut,
    lastLoginAt: s.lastLoginAt,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  };
}
export type StaffMember = ReturnType<typeof toStaffMember>;

/** What every staff member may see of colleagues (pickers). */
export function toStaffPick(s: Pick<StaffRow, "id" | "name" | "email" | "role" | "isActive">, deptIds: number[]) {
  return { id: s.id, name: s.name, email: s.email, role: s.role, isActive: s.isActive, deptIds };
}
