// The real `npm run mail:pipe` CLI, spawned: exit codes 0 / 65 / 77 / 75 as mail servers expect.
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { DbHandle } from "@/db/client";
import { createTestDb, testDbKind } from "@/db/testing";
import { tickets } from "@/db/schema";
import { updateSettings } from "@/lib/config/settings";
import { seedBasics } from "@/test/factories";
import { INBOUND_SECRET, startWebhookServer } from "@/test/inbound-doors";
import { setApiEnv } from "@/test/intake-env";

let handle: DbHandle;
let server: Awaited<ReturnType<typeof startWebhookServer>>;

beforeAll(async () => {
  setApiEnv({ INBOUND_EMAIL_SECRET: INBOUND_SECRET });
  handle = await createTestDb();
  await seedBasics(handle.db);
  await updateSettings(handle.db, { banList: ["banned@spam.example"] });
  server = await startWebhookServer();
});
afterAll(() => server.close());

function runPipe(input: Buffer, env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");
    const child = spawn(tsx, ["scripts/mail-pipe.ts"], {
      cwd: process.cwd(),
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", NODE_ENV: "production", AUTH_SECRET: "intake-test-secret", ...env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => resolve({ code, stderr }));
    child.stdin.end(input);
  });
}

const message = (from: string, id: string) =>
  Buffer.from(`From: ${from}\nTo: support@example.com\nSubject: Piped ${id}\nMessage-ID: <${id}@pipe.example>\n\nHello from the pipe.\n`);

describe("npm run mail:pipe (spawned)", () => {
  const viaServer = () => ({ HELPDESK_URL: server.url, INBOUND_EMAIL_SECRET: INBOUND_SECRET });

  it("exits 0 when delivered through HELPDESK_URL", async () => {
    const r = await runPipe(message("piper@client.example", "cli-1"), viaServer());
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/created ticket #\d{6}/);
    const [t] = await handle.db.select().from(tickets).where(eq(tickets.subject, "Piped cli-1"));
    expect(t).toBeTruthy();
  });

  it("exits 65 only when the input has no header block", async () => {
    const r = await runPipe(Buffer.from("just some words\n"), viaServer());
    expect(r.code).toBe(65);
  });

  it("exits 77 for a refused sender", async () => {
    const r = await runPipe(message("banned@spam.example", "cli-2"), viaServer());
    expect(r.code).toBe(77);
  });

  it("exits 75 (retry) when the server or the database is unreachable, or the secret is wrong", async () => {
    expect((await runPipe(message("a@client.example", "cli-3"), { HELPDESK_URL: "http://127.0.0.1:1", INBOUND_EMAIL_SECRET: INBOUND_SECRET })).code).toBe(75);
    expect((await runPipe(message("a@client.example", "cli-4"), { HELPDESK_URL: server.url, INBOUND_EMAIL_SECRET: "wrong" })).code).toBe(75);
    const down = await runPipe(message("a@client.example", "cli-5"), { DATABASE_URL: "postgres://postgres@127.0.0.1:1/nowhere" });
    expect(down.code, down.stderr).toBe(75);
  });

  it.runIf(testDbKind() === "pg")("delivers straight into the database without HELPDESK_URL", async () => {
    const r = await runPipe(message("direct@client.example", "cli-6"), { DATABASE_URL: handle.location });
    expect(r.code, r.stderr).toBe(0);
    const [t] = await handle.db.select().from(tickets).where(eq(tickets.subject, "Piped cli-6"));
    expect(t).toBeTruthy();
  });
});
