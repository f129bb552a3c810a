// A message the MIME parser cannot handle still becomes a ticket, with the raw message attached.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { createTestDb } from "@/db/testing";
import { attachments, threadEntries } from "@/db/schema";
import { seedBasics } from "@/test/factories";
import { deliver, INBOUND_SECRET } from "@/test/inbound-doors";
import { setApiEnv } from "@/test/intake-env";

vi.mock("@/lib/email", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/email")>();
  return {
    ...real,
    parseEmail: async (raw: Buffer, opts: Parameters<typeof real.parseEmail>[1]) => {
      if (raw.toString("latin1").includes("X-Break-Parser: yes")) throw new Error("simulated parser crash");
      return real.parseEmail(raw, opts);
    },
  };
});

let db: Db;
let key: string;

beforeAll(async () => {
  setApiEnv({ INBOUND_EMAIL_SECRET: INBOUND_SECRET });
  db = (await createTestDb()).db;
  key = (await seedBasics(db)).seed.apiKey!;
});

describe("parse failure", () => {
  it.each(["webhook", "pipe"] as const)("still creates a ticket with the raw message attached (%s)", async (door) => {
    const raw = Buffer.from(`From: Kim <kim-${door}@client.example>\r\nTo: support@example.com\r\nSubject: Crashes the parser\r\nMessage-ID: <crash-${door}@client.example>\r\nX-Break-Parser: yes\r\n\r\nbody\r\n`);
    const r = await deliver(db, door, raw, { key });
    expect(r.outcome).toBe("created");
    const [entry] = await db.select().from(threadEntries).where(eq(threadEntries.ticketId, r.tid!));
    expect(entry.messageId).toBe(`crash-${door}@client.example`);
    expect((entry.headers as { parseError: string }).parseError).toBe("simulated parser crash");
    const files = await db.select().from(attachments).where(eq(attachments.ticketId, r.tid!));
    expect(files.map((f) => [f.name, f.contentType, f.size])).toEqual([["original-message.eml", "message/rfc822", raw.length]]);
  });
});
