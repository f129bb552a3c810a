// User rows -> API shapes.
import type { users } from "@/db/schema";

export type UserRow = typeof users.$inferSelect;

export function toUser(u: UserRow, org: { id: number; name: string } | null) {
  return { id: u.id, name: u.name, email: u.email, phone: u.phone, org, notes: u.notes, createdAt: u.createdAt, updatedAt: u.updatedAt };
}
export type User = ReturnType<typeof toUser>;
