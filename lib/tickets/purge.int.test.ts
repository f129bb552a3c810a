// Deleted tickets are purged after the retention period, with attachments and unused file bytes.
import { eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "@/db/testing";
import { attachments, blobs, events, threadEntries, tickets } from "@/db/schema";
import { type Cast, seedStaffCast } from "@/test/staff-factory";
import { addAttachment, addEntry, createTicket } from "@/test/ticket-factory";
import { purgeDeletedTickets } from "./purge";

const { db } = await createTestDb();
let cast: Cast;
beforeAll(async () => {
  cast = await seedStaffCast(db);
});

const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000);

describe("purgeDeletedTickets", () => {
  it("removes tickets deleted more than 30 days ago with their entries, attachments and unshared blobs", async () => {
    const old = await createTicket(db, { deptId: cast.support.id });
    const recent = await createTicket(db, { deptId: cast.support.id });
    const live = await createTicket(db, { deptId: cast.support.id });
    const e1 = await addEntry(db, { ticketId: old.id, type: "message", text: "x" });
    await addAttachment(db, { ticketId: old.id, entryId: e1.id, name: "only-here.txt", bytes: Buffer.from("only in the old ticket") });
    await addAttachment(db, { ticketId: old.id, entryId: e1.id, name: "shared.txt", bytes: Buffer.from("shared bytes") });
    const e2 = await addEntry(db, { ticketId: live.id, type: "message", text: "y" });
    await addAttachment(db, { ticketId: live.id, entryId: e2.id, name: "shared-copy.txt", bytes: Buffer.from("shared bytes") });
    await db.update(tickets).set({ status: "deleted", deletedAt: daysAgo(31) }).where(eq(tickets.id, old.id));
    await db.update(tickets).set({ status: "deleted", deletedAt: daysAgo(29) }).where(eq(tickets.id, recent.id));
    const blobCount = (await db.select().from(blobs)).length;

    const result = await purgeDeletedTickets(db, { batchSize: 1 });
    expect(result).toEqual({ purged: 1, blobsRemoved: 1 });
    const left = await db.select({ id: tickets.id }).from(tickets).where(inArray(tickets.id, [old.id, recent.id, live.id]));
    expect(left.map((r) => r.id).sort()).toEqual([recent.id, live.id].sort());
    expect(await db.select().from(threadEntries).where(eq(threadEntries.ticketId, old.id))).toEqual([]);
    expect(await db.select().from(attachments).where(eq(attachments.ticketId, old.id))).toEqual([]);
    expect((await db.select().from(blobs)).length).toBe(blobCount - 1);
    const [audit] = await db.select().from(events).where(eq(events.action, "purged"));
    expect(audit).toMatchObject({ entityType: "ticket", entityId: old.id, ticketId: null, data: { number: old.number } });
    expect(await purgeDeletedTickets(db)).toEqual({ purged: 0, blobsRemoved: 0 });
  });
});
