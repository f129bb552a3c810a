import { describe, expect, it } from "vitest";
import { permissions, roleCan, rolePermissions } from "./permissions";

describe("role -> permission table", () => {
  it("gives admins every permission", () => {
    for (const p of permissions) expect(roleCan("admin", p)).toBe(true);
  });

  it.each([
    ["agent", "tickets.reply", true],
    ["agent", "tickets.merge", true],
    ["agent", "tickets.delete", false],
    ["agent", "canned.manage", false],
    ["agent", "staff.manage", false],
    ["manager", "tickets.delete", true],
    ["manager", "canned.manage", true],
    ["manager", "docs.acknowledge", true],
    ["manager", "tickets.restore", false],
    ["manager", "staff.manage", false],
    ["agent", "users.manage", true],
    ["agent", "users.delete", false],
    ["agent", "orgs.view", true],
    ["agent", "orgs.manage", false],
    ["agent", "tasks.close", true],
    ["manager", "users.delete", true],
    ["manager", "users.purge", false],
    ["manager", "orgs.manage", true],
  ] as const)("%s %s -> %s", (role, perm, expected) => {
    expect(roleCan(role, perm)).toBe(expected);
  });

  it("managers can do everything agents can", () => {
    for (const p of rolePermissions.agent) expect(rolePermissions.manager.has(p)).toBe(true);
  });
});
