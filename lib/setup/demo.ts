// A realistic demo set so the panel has something to show: organizations, users, staff and
// tickets with threads in every state. Deterministic (seeded PRNG); skipped when present.
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { TicketStatus } from "@/db/enums";
import {
  departments,
  organizations,
  priorities,
  staff,
  staffDepartments,
  threadEntries,
  tickets,
  users,
  helpTopics,
} from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { getSettings } from "@/lib/config/settings";
import { recordEvents } from "@/lib/events";
import { indexTickets } from "@/lib/search/document";
import { withUniqueNumber } from "@/lib/tickets/number";

const ORGS = [
  { name: "Acme Logistics", domain: "acme-logistics.example" },
  { name: "Bluebird Dental", domain: "bluebird-dental.example" },
  { name: "Cedar & Pine Law", domain: "cedarpine.example" },
  { name: "Delta Freight", domain: "deltafreight.example" },
  { name: "Evergreen Schools", domain: "evergreen-schools.example" },
  { name: "Fjord Outdoor", domain: "fjord-outdoor.example" },
  { name: "Granite Bank", domain: "granitebank.example" },
  { name: "Harbor Clinics", domain: "harborclinics.example" },
];
const FIRST = ["Dana", "Lee", "Omar", "Ines", "Klaus", "Hanako", "Priya", "Marco", "Sofia", "Tom", "Aisha", "Jonas", "Mei", "Carlos", "Nina", "Raj"];
const LAST = ["Whitfield", "Ortega", "Haddad", "Duarte", "Becker", "Yamada", "Nair", "Rossi", "Lindqvist", "Baker", "Bello", "Berg", "Chen", "Mendes", "Novak", "Patel"];
const SUBJECTS = [
  "VPN drops every 10 minutes",
  "Cannot download invoice PDF",
  "Printer on floor 3 jams",
  "Contact form on website not sending",
  "SSL certificate expires next week",
  "New employee needs an account",
  "Outlook keeps asking for password",
  "Shared drive is read-only since this morning",
  "Checkout page shows a 500 error",
  "Please update the opening hours on the site",
  "Backup job failed overnight",
  "Slow Wi-Fi in the meeting room",
  "Request a quote for 5 new laptops",
  "Two-factor codes not arriving",
  "Invoice #4471 charged twice",
  "Newsletter images broken in Gmail",
  "Phone system drops calls after 30 seconds",
  "Migrate DNS to the new provider",
  "Accessibility review of the booking form",
  "Calendar invites arrive an hour late",
];
const MESSAGES = [
  "Hi team,\n\nsince yesterday this keeps happening and it is blocking our staff. Could you take a look today?\n\nThanks",
  "Hello,\n\nwe noticed this after the last update. Screenshots are attached in our shared folder. Please advise.\n\nBest regards",
  "Good morning,\n\nthis is urgent for us: customers are complaining. Can someone call me back?\n\nKind regards",
  "Hi,\n\nnot urgent, but it would be great to have this sorted before the end of the month.\n\nCheers",
];
const REPLIES = [
  "Thanks for reporting this. We are looking into it and will update you within the hour.",
  "We found the cause and deployed a fix. Could you confirm it works on your side?",
  "Could you send us the exact time it happened and the device you were using?",
  "This is scheduled for Thursday's maintenance window; we will confirm once done.",
];
const NOTES = [
  "Checked the logs: timeouts from the upstream provider between 09:00 and 09:20.",
  "Client is on the premium plan; prioritise.",
  "Waiting on vendor ticket #88123.",
];

function prng(seed: number) {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface DemoResult {
  skipped: boolean;
  summary: string;
  staffPassword?: string;
  /** The demo staff created, as "email (role)". */
  staffEmails?: string[];
}

export async function seedDemo(db: Db, opts: { tickets: number }): Promise<DemoResult> {
  const [exists] = await db.select({ id: organizations.id }).from(organizations).where(sql`lower(${organizations.name}) = lower(${ORGS[0].name})`);
  if (exists) return { skipped: true, summary: "" };
  const rand = prng(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
  const settings = await getSettings(db);
  const staffPassword = "demo-password";
  const passwordHash = await hashPassword(staffPassword);

  return db.transaction(async (tx) => {
    const depts = await tx.select().from(departments);
    const prios = await tx.select().from(priorities);
    const topics = await tx.select().from(helpTopics);
    const support = depts.find((d) => d.name === "Support") ?? depts[0];
    const billing = depts.find((d) => d.name === "Billing") ?? depts[0];

    const staffDefs = [
      { email: "agent1@example.com", name: "Alex Agent", role: "agent" as const, depts: [support.id] },
      { email: "agent2@example.com", name: "Blair Agent", role: "agent" as const, depts: [billing.id] },
      { email: "pm@example.com", name: "Morgan Manager", role: "manager" as const, depts: [support.id, billing.id] },
    ];
    const staffRows = [];
    for (const s of staffDefs) {
      const [row] = await tx
        .insert(staff)
        .values({ email: s.email, name: s.name, role: s.role, passwordHash, primaryDeptId: s.depts[0] })
        .onConflictDoNothing()
        .returning();
      if (!row) continue;
      await tx.insert(staffDepartments).values(s.depts.map((deptId) => ({ staffId: row.id, deptId }))).onConflictDoNothing();
      staffRows.push({ ...row, depts: s.depts });
    }
    const pm = staffRows.find((s) => s.role === "manager");

    const orgRows = await tx
      .insert(organizations)
      .values(ORGS.map((o) => ({ name: o.name, domains: [o.domain], accountPmId: pm?.id ?? null, budgetHours: 40, quotedHours: 30 })))
      .returning();
    const userValues = [];
    for (const org of orgRows) {
      const domain = org.domains[0];
      for (let i = 0; i < 6; i++) {
        const first = pick(FIRST);
        const last = pick(LAST);
        userValues.push({ name: `${first} ${last}`, email: `${first}.${last}.${i}@${domain}`.toLowerCase(), orgId: org.id });
      }
    }
    const userRows = await tx.insert(users).values(userValues).onConflictDoNothing().returning();

    const statuses: TicketStatus[] = ["open", "open", "open", "awaiting_client", "resolved", "closed", "closed"];
    const now = Date.now();
    const eventRows = [];
    for (let i = 0; i < opts.tickets; i++) {
      const user = pick(userRows);
      const dept = rand() < 0.75 ? support : billing;
      const status = pick(statuses);
      const created = new Date(now - Math.floor(rand() * 60 * 24 * 3600 * 1000));
      const updated = new Date(Math.min(now, created.getTime() + Math.floor(rand() * 5 * 24 * 3600 * 1000)));
      const assignee = rand() < 0.7 ? staffRows.find((s) => s.depts.includes(dept.id)) : undefined;
      const prio = pick(prios);
      const topic = topics.find((t) => t.deptId === dept.id) ?? null;
      const isClosed = status === "closed" || status === "resolved";
      const ticket = await withUniqueNumber(tx, settings.ticketNumberFormat, async (number) => {
        const [row] = await tx
          .insert(tickets)
          .values({
            number,
            subject: pick(SUBJECTS),
            status,
            userId: user.id,
            orgId: user.orgId,
            deptId: dept.id,
            topicId: topic?.id ?? null,
            priorityId: prio.id,
            slaId: dept.slaId,
            dueAt: new Date(created.getTime() + 24 * 3600 * 1000),
            isOverdue: !isClosed && created.getTime() + 24 * 3600 * 1000 < now,
            staffId: assignee?.id ?? null,
            source: pick(["email", "email", "api", "web", "phone"] as const),
            isAnswered: status !== "open",
            createdAt: created,
            updatedAt: updated,
            lastMessageAt: created,
            lastResponseAt: status !== "open" ? updated : null,
            closedAt: isClosed ? updated : null,
          })
          .onConflictDoNothing({ target: tickets.number })
          .returning();
        return row ?? null;
      });
      const entries: (typeof threadEntries.$inferInsert)[] = [
        { ticketId: ticket.id, type: "message", userId: user.id, posterName: user.name, posterEmail: user.email, bodyText: pick(MESSAGES), source: ticket.source, createdAt: created },
      ];
      const extra = Math.floor(rand() * 4);
      for (let k = 0; k < extra; k++) {
        const at = new Date(created.getTime() + (k + 1) * Math.floor((updated.getTime() - created.getTime()) / (extra + 1)));
        if (k % 2 === 0 && assignee) entries.push({ ticketId: ticket.id, type: "response", staffId: assignee.id, posterName: assignee.name, bodyText: pick(REPLIES), createdAt: at });
        else if (assignee) entries.push({ ticketId: ticket.id, type: "note", staffId: assignee.id, posterName: assignee.name, bodyText: pick(NOTES), createdAt: at });
        else entries.push({ ticketId: ticket.id, type: "message", userId: user.id, posterName: user.name, posterEmail: user.email, bodyText: pick(MESSAGES), createdAt: at });
      }
      await tx.insert(threadEntries).values(entries);
      eventRows.push({ entityType: "ticket", entityId: ticket.id, ticketId: ticket.id, action: "created", actor: "demo-seed", after: { number: ticket.number, status } });
    }
    await recordEvents(tx, eventRows);
    // Rows inserted here bypass the services that keep search documents current.
    await indexTickets(tx, eventRows.map((e) => e.ticketId!));
    return {
      skipped: false,
      summary: `${orgRows.length} organizations, ${userRows.length} users, ${staffRows.length} staff, ${opts.tickets} tickets`,
      staffPassword: staffRows.length ? staffPassword : undefined,
      staffEmails: staffRows.map((s) => `${s.email} (${s.role})`),
    };
  });
}
