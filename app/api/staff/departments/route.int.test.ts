// Picker lists, scoped to what the caller may use.
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "@/db/testing";
import { setupTestAuth } from "@/test/auth";
import { api } from "@/test/staff-api";
import { type Cast, createTeam, seedStaffCast } from "@/test/staff-factory";
import { GET as priorities } from "../priorities/route";
import { GET as sla } from "../sla/route";
import { GET as teams } from "../teams/route";
import { GET as topics } from "../topics/route";
import { GET } from "./route";

setupTestAuth();
const { db } = await createTestDb();
let cast: Cast;
beforeAll(async () => {
  cast = await seedStaffCast(db);
});

type List<T> = { items: T[]; total: number; nextCursor: null };

describe("picker lists", () => {
  it("departments say which the caller works in", async () => {
    const res = await api(cast.agentA).get<List<{ name: string; isMember: boolean }>>(GET, "/api/staff/departments");
    expect(res.json.data!.items.map((d) => [d.name, d.isMember])).toEqual([["Billing", false], ["Support", true]]);
    const admin = await api(cast.admin).get<List<{ isMember: boolean }>>(GET, "/api/staff/departments");
    expect(admin.json.data!.items.every((d) => d.isMember)).toBe(true);
  });

  it("teams list members", async () => {
    const team = await createTeam(db, "Nights", [cast.agentA.id]);
    const res = await api(cast.agentA).get<List<{ id: number; memberIds: number[]; isMember: boolean }>>(teams, "/api/staff/teams");
    expect(res.json.data!.items).toEqual([expect.objectContaining({ id: team.id, memberIds: [cast.agentA.id], isMember: true })]);
  });

  it("topics, priorities and SLA plans", async () => {
    const t = await api(cast.agentB).get<List<{ name: string; isMember: boolean }>>(topics, "/api/staff/topics");
    expect(t.json.data!.items.find((x) => x.name === "Billing Question")!.isMember).toBe(true);
    expect(t.json.data!.items.find((x) => x.name === "Technical Issue")!.isMember).toBe(false);
    const p = await api(cast.agentB).get<List<{ name: string }>>(priorities, "/api/staff/priorities");
    expect(p.json.data!.items.map((x) => x.name)).toEqual(["Low", "Normal", "High", "Emergency"]);
    const s = await api(cast.agentB).get<List<{ name: string }>>(sla, "/api/staff/sla");
    expect(s.json.data).toMatchObject({ total: 1, items: [{ name: "Default SLA", graceHours: 24 }] });
  });

  it("need a session", async () => {
    expect((await api(null).get(GET, "/api/staff/departments")).status).toBe(401);
  });
});
