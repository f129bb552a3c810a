// Lookup by number and the version poll: scope (404 outside it) and others' changes only.
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "@/db/testing";
import { setupTestAuth } from "@/test/auth";
import { setIntakeEnv } from "@/test/intake-env";
import { api } from "@/test/staff-api";
import { type Cast, seedStaffCast } from "@/test/staff-factory";
import { createTicket } from "@/test/ticket-factory";
import { POST as claim } from "../[tid]/claim/route";
import { GET as version } from "../[tid]/version/route";
import { GET as lookup } from "./route";

setIntakeEnv();
setupTestAuth();
const { db } = await createTestDb();
let cast: Cast;
beforeAll(async () => {
  cast = await seedStaffCast(db);
});

describe("GET /tickets/lookup", () => {
  it("finds a visible ticket by number and answers 404 outside the scope", async () => {
    const t = await createTicket(db, { deptId: cast.support.id, subject: "Printer on fire" });
    const res = await api(cast.agentA).get<{ id: number; subject: string; user: { email: string } }>(lookup, `/api/staff/tickets/lookup?number=${t.number}`);
    expect(res.status).toBe(200);
    expect(res.json.data).toMatchObject({ id: t.id, number: t.number, subject: "Printer on fire", department: { id: cast.support.id } });
    const other = await api(cast.agentB).get(lookup, `/api/staff/tickets/lookup?number=${t.number}`);
    expect(other.status).toBe(404);
  });

  it("names the field of a malformed number", async () => {
    const res = await api(cast.agentA).get(lookup, "/api/staff/tickets/lookup?number=%3Cx%3E");
    expect(res.status).toBe(400);
    expect(res.json.errors).toEqual({ number: "Not a ticket number" });
  });

  it("names the missing number in plain words", async () => {
    const res = await api(cast.agentA).get(lookup, "/api/staff/tickets/lookup");
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ message: "Invalid query", errors: { number: "Give the ticket number as ?number=, e.g. ?number=100042" } });
  });
});

describe("GET /tickets/{tid}/version", () => {
  it("reports the version and the changes others made since a moment", async () => {
    const t = await createTicket(db, { deptId: cast.support.id });
    const since = new Date(Date.now() - 1000).toISOString();
    const before = await api(cast.agentA).get<{ version: number; changes: unknown[] }>(version, `/api/staff/tickets/${t.id}/version?since=${since}`, { tid: String(t.id) });
    expect(before.json.data).toMatchObject({ version: 1, changes: [] });
    await api(cast.manager).post(claim, `/api/staff/tickets/${t.id}/claim`, { tid: String(t.id) }, {});
    const after = await api(cast.agentA).get(version, `/api/staff/tickets/${t.id}/version?since=${since}`, { tid: String(t.id) });
    expect(after.json.data).toMatchObject({ version: 2, changes: [{ action: "claimed", by: "Morgan Manager" }] });
    const mine = await api(cast.manager).get(version, `/api/staff/tickets/${t.id}/version?since=${since}`, { tid: String(t.id) });
    expect(mine.json.data).toMatchObject({ version: 2, changes: [] });
    expect((await api(cast.agentB).get(version, `/api/staff/tickets/${t.id}/version`, { tid: String(t.id) })).status).toBe(404);
  });
});
