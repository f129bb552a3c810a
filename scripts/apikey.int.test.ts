// The real `npm run apikey` CLI against PostgreSQL: create (shown once), list, revoke.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createTestDb, testDbKind } from "@/db/testing";
import { apiKeys } from "@/db/schema";
import { hashApiKey } from "@/lib/api-keys";

describe.runIf(testDbKind() === "pg")("npm run apikey (spawned)", () => {
  it("creates a key with an allow-list and permissions, lists it, revokes it", async () => {
    const handle = await createTestDb({ install: false });
    const run = (...args: string[]) =>
      spawnSync(path.join(process.cwd(), "node_modules", ".bin", "tsx"), ["scripts/apikey.ts", ...args], {
        env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", NODE_ENV: "production", DATABASE_URL: handle.location },
        encoding: "utf8",
      });
    const created = run("create", "--name", "Monitoring", "--ip", "203.0.113.7", "--ip", "10.0.0.0/8", "--no-cron", "--rate", "30");
    expect(created.status, created.stderr).toBe(0);
    const key = /^\s+(hd_\S+)$/m.exec(created.stdout)![1];
    const [row] = await handle.db.select().from(apiKeys).where(eq(apiKeys.keyHash, hashApiKey(key)));
    expect(row).toMatchObject({ name: "Monitoring", ipAllowList: ["203.0.113.7", "10.0.0.0/8"], canCreateTickets: true, canExecuteCron: false, rateLimit: 30, isActive: true });
    expect(row.keyHash).not.toContain(key);
    const list = run("list");
    expect(list.stdout).toContain(`${row.prefix}…`);
    expect(list.stdout).not.toContain(key);
    expect(run("create", "--name", "bad", "--ip", "not-an-ip").status).toBe(64);
    const octal = run("create", "--name", "bad", "--ip", "010.0.0.1");
    expect([octal.status, octal.stderr]).toEqual([64, expect.stringContaining('Not an IP address or CIDR range: "010.0.0.1"')]);
    expect(run("revoke", String(row.id)).status).toBe(0);
    const [after] = await handle.db.select().from(apiKeys).where(eq(apiKeys.id, row.id));
    expect(after.isActive).toBe(false);
    expect(run("list").stdout).toMatch(/revoked/);
  });
});
