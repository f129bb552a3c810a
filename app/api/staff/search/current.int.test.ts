// The search documents follow every write that changes their text, in the write's own
// transaction: API intake, inbound mail (new and appended), staff replies and notes, subject
// and requester edits, merges; and a rolled back write leaves nothing behind.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "@/db/testing";
import { tickets, users } from "@/db/schema";
import { POST as ticketsJson } from "@/app/api/tickets.json/route";
import { createApiKey } from "@/lib/api-keys";
import { pipeToDatabase } from "@/lib/inbound";
import { type ListPage, indexRequesters, searchTickets } from "@/lib/search";
import { postStaffEntry } from "@/lib/threads";
import { setupTestAuth } from "@/test/auth";
import { createUser } from "@/test/factories";
import { setApiEnv } from "@/test/intake-env";
import { apiRequest } from "@/test/intake-http";
import { api } from "@/test/staff-api";
import { type Cast, seedStaffCast } from "@/test/staff-factory";
import { createTicket } from "@/test/ticket-factory";
import { PATCH as editTicket } from "../tickets/[tid]/route";
import { POST as merge } from "../tickets/[tid]/merge/route";
import { POST as note } from "../tickets/[tid]/note/route";
import { POST as reply } from "../tickets/[tid]/reply/route";
import { GET } from "./route";

setApiEnv();
setupTestAuth();
const { db } = await createTestDb();
let cast: Cast;
let apiKey: string;
beforeAll(async () => {
  cast = await seedStaffCast(db);
  apiKey = (await createApiKey(db, { name: "search test" }, { actor: "test" })).key;
});

const found = async (q: string) => {
  const res = await api(cast.admin).get<ListPage>(GET, `/api/staff/search?q=${encodeURIComponent(q)}`);
  expect(res.status).toBe(200);
  return res.json.data!.items.map((i) => i.id);
};
const p = (id: number) => ({ tid: String(id) });
const eml = (lines: string[], body: string) => Buffer.from(`${lines.join("\r\n")}\r\n\r\n${body}\r\n`);

describe("documents stay current", () => {
  it("a ticket created through the API is found by subject, body and requester", async () => {
    const res = await ticketsJson(
      apiRequest("/api/tickets.json", JSON.stringify({ name: "Quentin Marlowe", email: "quentin@example.org", subject: "Aardvark scanner jammed", message: "The sideloader tray squeaks" }), { key: apiKey, accept: "application/json" }),
    );
    expect(res.status).toBe(201);
    const { tid } = (await res.json()).data;
    for (const q of ["aardvark", "sideloader", "marlowe", "quentin@example.org"]) expect(await found(q), q).toEqual([tid]);
  });

  it("inbound mail: a new ticket, then a reply appended to it", async () => {
    const first = await pipeToDatabase(db, eml(["From: Kim Lerato <kim@example.net>", "To: support@example.com", "Subject: Kettle broken", "Message-ID: <kettle-1@example.net>"], "The kettle is broken again"));
    expect(first.code).toBe(0);
    const [t] = await db.select().from(tickets).where(eq(tickets.subject, "Kettle broken"));
    expect(await found("kettle")).toEqual([t.id]);
    expect(await found("flamingo")).toEqual([]);
    const second = await pipeToDatabase(
      db,
      eml(["From: Kim Lerato <kim@example.net>", "To: support@example.com", "Subject: Re: Kettle broken", "Message-ID: <kettle-2@example.net>", "In-Reply-To: <kettle-1@example.net>"], "It now has a flamingo sticker"),
    );
    expect(second.code).toBe(0);
    expect(await found("flamingo")).toEqual([t.id]);
  });

  it("staff replies and notes", async () => {
    const t = await createTicket(db, { deptId: cast.support.id, subject: "Plain one" });
    expect((await api(cast.agentA).post(reply, `/api/staff/tickets/${t.id}/reply`, p(t.id), { body: "Try the quokka reset" })).status).toBe(200);
    expect(await found("quokka")).toEqual([t.id]);
    expect((await api(cast.agentA).post(note, `/api/staff/tickets/${t.id}/note`, p(t.id), { body: "internal: wombat cable" })).status).toBe(200);
    expect(await found("wombat")).toEqual([t.id]);
  });

  it("subject and requester edits replace the old text", async () => {
    const t = await createTicket(db, { deptId: cast.support.id, subject: "Old narwhal subject" });
    const res = await api(cast.agentA).patch(editTicket, `/api/staff/tickets/${t.id}`, p(t.id), { subject: "New pelican subject" });
    expect(res.status).toBe(200);
    expect(await found("pelican")).toEqual([t.id]);
    expect(await found("narwhal")).toEqual([]);
    const other = await createUser(db, "zed@example.com", "Zed Ocelot");
    await api(cast.agentA).patch(editTicket, `/api/staff/tickets/${t.id}`, p(t.id), { userId: other.id });
    expect(await found("ocelot")).toEqual([t.id]);
    // A rename made elsewhere (users issue) calls indexRequesters.
    await db.transaction(async (tx) => {
      await tx.update(users).set({ name: "Zed Capybara" }).where(eq(users.id, other.id));
      await indexRequesters(tx, { userId: other.id });
    });
    expect(await found("capybara")).toEqual([t.id]);
    expect(await found("ocelot")).toEqual([]);
  });

  it("a merge moves the children's text to the parent", async () => {
    const parent = await createTicket(db, { deptId: cast.support.id, subject: "Parent", message: "first" });
    const child = await createTicket(db, { deptId: cast.support.id, subject: "Child", message: "the axolotl detail" });
    expect(await found("axolotl")).toEqual([child.id]);
    const res = await api(cast.agentA).post(merge, `/api/staff/tickets/${parent.id}/merge`, p(parent.id), { tids: [child.id] });
    expect(res.status).toBe(200);
    expect(await found("axolotl")).toEqual([parent.id]);
  });

  it("in the same transaction: seen inside it, gone with a rollback", async () => {
    const t = await createTicket(db, { deptId: cast.support.id, subject: "Rollback" });
    await expect(
      db.transaction(async (tx) => {
        await postStaffEntry(tx, { ticketId: t.id, staffId: cast.agentA.id, type: "note", body: { text: "the pangolin note", html: "the pangolin note" } });
        const inside = await searchTickets(tx, { ...cast.admin, deptIds: [], teamIds: [] }, { q: "pangolin" }, { limit: 10 });
        expect(inside.items.map((i) => i.id)).toEqual([t.id]);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await found("pangolin")).toEqual([]);
  });
});
