// Settings through the admin API: a partial change leaves every other setting alone, is checked
// against the database, and is an event naming each changed key's old and new value.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "@/db/testing";
import { events } from "@/db/schema";
import { clearSettingsCache, getSettings } from "@/lib/config/settings";
import { defaultSettings, type Settings } from "@/lib/config/settings-schema";
import { type StaffIdentity, callRoute, setupTestAuth, staffRequest } from "@/test/auth";
import { api } from "@/test/staff-api";
import { type Cast, seedStaffCast } from "@/test/staff-factory";
import { GET, PUT } from "./route";

setupTestAuth();
const { db } = await createTestDb();
let cast: Cast;
beforeAll(async () => {
  cast = await seedStaffCast(db);
});

const put = async (body: unknown, as: StaffIdentity = cast.admin) => callRoute<Settings>(PUT, await staffRequest("/api/staff/settings", { method: "PUT", as, body }));

describe("settings (admins)", () => {
  it("reads every setting with its current value", async () => {
    const res = await api(cast.admin).get<Settings>(GET, "/api/staff/settings");
    expect(res.status).toBe(200);
    expect(Object.keys(res.json.data!).sort()).toEqual(Object.keys(defaultSettings).sort());
    expect(res.json.data!.defaultDeptId).toBe(cast.support.id);
  });

  it("changes only the keys sent, and records the before and after", async () => {
    const res = await put({ autoCloseDays: 14, replySeparator: "## reply above ##", banList: ["Spam@Bad.example", "@junk.example"] });
    expect(res.status).toBe(200);
    expect(res.json.data).toMatchObject({ autoCloseDays: 14, replySeparator: "## reply above ##", banList: ["spam@bad.example", "@junk.example"] });
    expect(res.json.data!.ticketNumberFormat).toBe("random");
    expect(res.json.data!.defaultDeptId).toBe(cast.support.id);
    clearSettingsCache();
    expect((await getSettings(db)).autoCloseDays).toBe(14);
    const [ev] = await db.select().from(events).where(eq(events.entityType, "settings"));
    expect(ev).toMatchObject({ action: "updated", staffId: cast.admin.id, before: { autoCloseDays: 7, replySeparator: "-- reply above this line --", banList: [] } });
    expect(Object.keys(ev.after as object).sort()).toEqual(["autoCloseDays", "banList", "replySeparator"]);
  });

  it("changes one mail template field and keeps the rest of the templates", async () => {
    const before = (await api(cast.admin).get<Settings>(GET, "/api/staff/settings")).json.data!.mailTemplates;
    const res = await put({ mailTemplates: { autoResponse: { subject: "We got it: %{ticket.subject}" } } });
    expect(res.json.data!.mailTemplates.autoResponse).toEqual({ subject: "We got it: %{ticket.subject}", body: before.autoResponse.body });
    expect(res.json.data!.mailTemplates.staffResponse).toEqual(before.staffResponse);
  });

  it("saving the same values changes nothing and records nothing", async () => {
    const n = (await db.select().from(events).where(eq(events.entityType, "settings"))).length;
    expect((await put({ autoCloseDays: 14 })).status).toBe(200);
    expect((await db.select().from(events).where(eq(events.entityType, "settings"))).length).toBe(n);
  });

  it.each([
    ["an unknown time zone", { timezone: "Mars/Base" }, { timezone: "Unknown time zone (use an IANA name such as America/Chicago)" }],
    ["an unknown number format", { ticketNumberFormat: "letters" }, { ticketNumberFormat: 'Invalid option: expected one of "random"|"sequence"' }],
    ["negative auto-close days", { autoCloseDays: -1 }, { autoCloseDays: "Too small: expected number to be >=0" }],
    ["a draft retention beyond 100 years", { draftRetentionDays: 100_000_000 }, { draftRetentionDays: "At most 36500 days" }],
    ["a deleted-ticket retention beyond 100 years", { deletedRetentionDays: 36_501 }, { deletedRetentionDays: "At most 36500 days" }],
    ["auto-close beyond 100 years", { autoCloseDays: 1e9 }, { autoCloseDays: "At most 36500 days" }],
    ["a huge hourly ticket limit", { maxTicketsPerSenderPerHour: 1e12 }, { maxTicketsPerSenderPerHour: "At most 100000 an hour" }],
    ["a huge sign-in failure limit", { signInMaxFailuresPerAccount: 1e12 }, { signInMaxFailuresPerAccount: "At most 10000" }],
    ["too many collaborators from one mail", { maxCollaboratorsPerMail: 500 }, { maxCollaboratorsPerMail: "At most 100" }],
    ["requests over 1 GiB", { maxRequestBytes: 2 ** 40 }, { maxRequestBytes: "At most 1073741824 bytes (1 GiB)" }],
    ["a bad support address", { supportAddresses: ["not-mail"] }, { "supportAddresses.0": "Not a valid email address" }],
    ["a bad ban entry", { banList: ["spam"] }, { "banList.0": "Use an address (a@b.example) or a domain (@b.example)" }],
    ["an empty template subject", { mailTemplates: { autoResponse: { subject: " " } } }, { "mailTemplates.autoResponse.subject": "A subject is required" }],
    ["an unknown key", { colour: "blue" }, { _: 'Unrecognized key: "colour"' }],
    ["nothing", {}, { _: "Nothing to change" }],
    ["an unknown default department", { defaultDeptId: 99999 }, { defaultDeptId: "Unknown or inactive department: 99999" }],
    ["attachments larger than requests", { maxAttachmentBytes: 100 * 1024 * 1024 }, { maxAttachmentBytes: "Cannot exceed the request size limit" }],
    ["reopening deleted tickets", { reopenStatuses: ["deleted"] }, { "reopenStatuses.0": 'Invalid option: expected one of "resolved"|"closed"|"archived"' }],
    ["an unknown mail template", { mailTemplates: { nope: { subject: "x" } } }, { "mailTemplates": 'Unrecognized key: "nope"' }],
    ["an unclosed placeholder", { mailTemplates: { autoResponse: { subject: "[#%{ticket.number" } } }, { "mailTemplates.autoResponse.subject": 'Unclosed or malformed placeholder "%{ticket.number": write %{name}' }],
    ["an empty reply separator", { replySeparator: " " }, { replySeparator: "The reply separator needs at least 3 characters" }],
  ])("refuses %s and saves nothing", async (_n, body, errors) => {
    const before = (await api(cast.admin).get<Settings>(GET, "/api/staff/settings")).json.data;
    const res = await put(body);
    expect({ status: res.status, errors: res.json.errors }).toEqual({ status: 400, errors });
    expect((await api(cast.admin).get<Settings>(GET, "/api/staff/settings")).json.data).toEqual(before);
  });

  it("names the known placeholders when a template uses an unknown one", async () => {
    const res = await put({ mailTemplates: { staffResponse: { body: "%{message} %{ticket.colour}" } } });
    expect(res.status).toBe(400);
    expect(res.json.errors!["mailTemplates.staffResponse.body"]).toMatch(/^Unknown placeholder %\{ticket.colour\}; known: .*%\{ticket.number\}/);
  });

  it("is for admins only", async () => {
    expect((await api(cast.manager).get(GET, "/api/staff/settings")).status).toBe(403);
    expect((await put({ autoCloseDays: 1 }, cast.agentA)).status).toBe(403);
  });
});
