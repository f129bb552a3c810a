// Tickets, their collaborators (CC users) and referrals.
import {
  type AnyPgColumn,
  boolean,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgSequence,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  uniqueIndex,
  varchar,
} from "drizzle-orm/pg-core";
import { referralKinds, ticketSources, ticketStatuses, urgencyLevels } from "../enums";
import { createdAt, tz, updatedAt } from "./columns";
import { helpTopics, priorities, slaPlans } from "./catalog";
import { organizations, users } from "./orgs";
import { departments, staff, teams } from "./staff";

export const ticketStatus = pgEnum("ticket_status", ticketStatuses);
export const ticketSource = pgEnum("ticket_source", ticketSources);
export const urgencyLevel = pgEnum("urgency_level", urgencyLevels);
export const referralKind = pgEnum("referral_kind", referralKinds);

export const tickets = pgTable(
  "tickets",
  {
    /** Internal id, the `tid` in URLs. */
    id: serial().primaryKey(),
    /** Public number shown to clients and used in subject tags. */
    number: text().notNull(),
    subject: varchar({ length: 255 }).notNull(),
    status: ticketStatus().notNull().default("open"),
    userId: integer()
      .notNull()
      .references(() => users.id),
    orgId: integer().references(() => organizations.id, { onDelete: "set null" }),
    deptId: integer()
      .notNull()
      .references(() => departments.id),
    topicId: integer().references(() => helpTopics.id, { onDelete: "set null" }),
    priorityId: integer()
      .notNull()
      .references(() => priorities.id),
    slaId: integer().references(() => slaPlans.id, { onDelete: "set null" }),
    dueAt: tz(),
    isOverdue: boolean().notNull().default(false),
    staffId: integer().references(() => staff.id, { onDelete: "set null" }),
    teamId: integer().references(() => teams.id, { onDelete: "set null" }),
    source: ticketSource().notNull(),
    ip: text(),
    isAnswered: boolean().notNull().default(false),

    docsRequired: boolean().notNull().default(false),
    docsAcknowledgedAt: tz(),
    docsAcknowledgedById: integer().references(() => staff.id, { onDelete: "set null" }),

    aiUrgency: smallint(),
    aiUrgencyLevel: urgencyLevel(),
    aiEstimatedHours: numeric({ precision: 8, scale: 2, mode: "number" }),
    aiSummary: text(),
    aiTimeline: jsonb(),
    aiSuggestedTitle: text(),
    aiRatedAt: tz(),

    harvestProjectId: text(),
    budgetHours: numeric({ precision: 10, scale: 2, mode: "number" }),
    quotedHours: numeric({ precision: 10, scale: 2, mode: "number" }),
    isBudgetLocked: boolean().notNull().default(false),
    budgetLockedAt: tz(),

    /** First escalation (set from the "escalated" event by a trigger, migration 0007); drives the escalated filter and badge. */
    escalatedAt: tz(),

    mergedIntoId: integer().references((): AnyPgColumn => tickets.id, { onDelete: "set null" }),
    /** Bumped on every change; clients send it back (If-Match) for optimistic concurrency. */
    version: integer().notNull().default(1),

    createdAt: createdAt(),
    updatedAt: updatedAt(),
    lastMessageAt: tz(),
    lastResponseAt: tz(),
    closedAt: tz(),
    closedById: integer().references(() => staff.id, { onDelete: "set null" }),
    reopenedAt: tz(),
    deletedAt: tz(),
  },
  (t) => [
    uniqueIndex("tickets_number_idx").on(t.number),
    index("tickets_status_dept_updated_idx").on(t.status, t.deptId, t.updatedAt),
    index("tickets_dept_idx").on(t.deptId),
    index("tickets_staff_status_idx").on(t.staffId, t.status),
    index("tickets_team_status_idx").on(t.teamId, t.status),
    index("tickets_updated_idx").on(t.updatedAt),
    index("tickets_created_idx").on(t.createdAt),
    index("tickets_due_idx").on(t.dueAt),
    index("tickets_user_idx").on(t.userId),
    index("tickets_org_idx").on(t.orgId),
    index("tickets_merged_into_idx").on(t.mergedIntoId),
  ],
);

export const ticketCollaborators = pgTable(
  "ticket_collaborators",
  {
    ticketId: integer()
      .notNull()
      .references(() => tickets.id, { onDelete: "cascade" }),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    isActive: boolean().notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.ticketId, t.userId] }), index("ticket_collaborators_user_idx").on(t.userId)],
);

/** A referral grants visibility of a ticket without assigning it. */
export const ticketReferrals = pgTable(
  "ticket_referrals",
  {
    id: serial().primaryKey(),
    ticketId: integer()
      .notNull()
      .references(() => tickets.id, { onDelete: "cascade" }),
    kind: referralKind().notNull(),
    targetId: integer().notNull(),
    createdById: integer().references(() => staff.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("ticket_referrals_target_idx").on(t.ticketId, t.kind, t.targetId),
    index("ticket_referrals_kind_target_idx").on(t.kind, t.targetId),
  ],
);

/** Used when the ticket number format setting is "sequence". */
export const ticketNumberSeq = pgSequence("ticket_number_seq", { startWith: 1000, minValue: 1 });
