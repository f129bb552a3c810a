// The account PM choices: active managers and admins (the rule lib/orgs enforces).
import type { Executor } from "@/db/client";
import { listStaff } from "@/lib/staff";

export async function pmOptions(db: Executor) {
  const { items } = await listStaff(db, { detailed: false });
  return items.filter((s) => s.role === "manager" || s.role === "admin").map((s) => ({ value: s.id, label: s.name }));
}
