// Creating, editing and deleting users. Emails are unique case-insensitively (409 naming who
// has it); a new user without an explicit organization joins the one of their email domain
// (the same rule as intake, lib/orgs). Deleting a user who owns tickets is refused unless the
// tickets go too (admins), so no ticket is ever left without its requester.
import { and, eq, ne, sql } from "drizzle-orm";
import type { Db, Executor } from "@/db/client";
import { organizations, tickets, users } from "@/db/schema";
import { type Permission, can } from "@/lib/auth";
import { recordEvent } from "@/lib/events";
import { AppError } from "@/lib/http/errors";
import { orgIdForEmailSql } from "@/lib/orgs";
import { purgeTicketsOfUser } from "@/lib/tickets";
import type { UserRow } from "./dto";
import { getUser } from "./queries";
import type { CreateUserInput, UpdateUserInput } from "./schemas";
import { indexRequesters } from "@/lib/search";

interface UserActor {
  id: number;
  role: Parameters<typeof can>[0]["role"];
}

const tracked = ["name", "email", "phone", "orgId", "notes"] as const;

async function assertEmailFree(db: Executor, email: string, exceptId?: number) {
  const [other] = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(sql`lower(${users.email}) = ${email.toLowerCase()}`, exceptId ? ne(users.id, exceptId) : undefined));
  if (other) throw emailTaken(other);
}

const emailTaken = (other: { id: number; name: string; email: string }) =>
  new AppError("conflict", `${other.email} is already the email of ${other.name} (user ${other.id})`, {
    errors: { email: "Already in use" },
    data: { user: other },
  });

async function assertOrg(db: Executor, orgId: number | null | undefined) {
  if (orgId === null || orgId === undefined) return;
  const [org] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, orgId));
  if (!org) throw AppError.fields({ orgId: `No organization ${orgId}` });
}

/** A concurrent insert of the same address loses on the unique index: still a 409 naming the owner. */
async function uniqueEmail<T>(db: Executor, email: string | undefined, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    const err = e as { code?: string; cause?: { code?: string } };
    if (email && (err?.code === "23505" || err?.cause?.code === "23505")) {
      await assertEmailFree(db, email);
      throw new AppError("conflict", `${email} is already in use`, { errors: { email: "Already in use" } });
    }
    throw e;
  }
}

export async function createUser(db: Db, actor: UserActor, input: CreateUserInput) {
  const id = await uniqueEmail(db, input.email, () =>
    db.transaction(async (tx) => {
      await assertEmailFree(tx, input.email);
      await assertOrg(tx, input.orgId);
      const [row] = await tx
        .insert(users)
        .values({
          name: input.name,
          email: input.email,
          phone: input.phone ?? null,
          orgId: input.orgId === undefined ? orgIdForEmailSql(input.email) : input.orgId,
          notes: input.notes,
        })
        .returning();
      await recordEvent(tx, { entityType: "user", entityId: row.id, action: "created", staffId: actor.id, userId: row.id, after: pick(row, tracked) });
      return row.id;
    }),
  );
  return getUser(db, id);
}

export async function updateUser(db: Db, actor: UserActor, id: number, input: UpdateUserInput) {
  const changed = await uniqueEmail(db, input.email, () =>
    db.transaction(async (tx) => {
      const [current] = await tx.select().from(users).where(eq(users.id, id)).for("update");
      if (!current) throw new AppError("not_found", `User ${id} not found`);
      if (input.email !== undefined && input.email !== current.email.toLowerCase()) await assertEmailFree(tx, input.email, id);
      if (input.orgId !== undefined) await assertOrg(tx, input.orgId);
      const keys = tracked.filter((k) => input[k] !== undefined && input[k] !== current[k]);
      if (!keys.length) return [];
      const patch = Object.fromEntries(keys.map((k) => [k, input[k]])) as Partial<UserRow>;
      const [row] = await tx.update(users).set(patch).where(eq(users.id, id)).returning();
      await recordEvent(tx, { entityType: "user", entityId: id, action: "updated", staffId: actor.id, userId: id, before: pick(current, keys), after: pick(row, keys) });
      // Their tickets are found by the requester's name and email: keep those documents current.
      if (keys.some((k) => k === "name" || k === "email")) await indexRequesters(tx, { userId: id });
      return keys;
    }),
  );
  return { user: await getUser(db, id), changed };
}

const PURGE: Permission = "users.purge";

/** Deletes a user; with `withTickets` (admins) their tickets are deleted for good first. */
export async function deleteUser(db: Db, actor: UserActor, id: number, opts: { withTickets: boolean }) {
  if (opts.withTickets && !can(actor, PURGE)) throw new AppError("forbidden", `Deleting a user's tickets needs the permission ${PURGE}`);
  return db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, id)).for("update");
    if (!user) throw new AppError("not_found", `User ${id} not found`);
    const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(tickets).where(eq(tickets.userId, id));
    const owned = Number(n);
    if (owned && !opts.withTickets) {
      throw new AppError("conflict", `${user.name} owns ${owned} ticket${owned === 1 ? "" : "s"}; change their requester first, or delete them with the user (tickets=delete, admins)`, {
        data: { tickets: owned },
      });
    }
    const ticketsDeleted = owned ? await purgeTicketsOfUser(tx, actor, id) : 0;
    await tx.delete(users).where(eq(users.id, id));
    await recordEvent(tx, { entityType: "user", entityId: id, action: "deleted", staffId: actor.id, before: pick(user, tracked), data: { ticketsDeleted } });
    return { id, ticketsDeleted };
  });
}

function pick(row: UserRow, keys: readonly (keyof UserRow)[]) {
  return Object.fromEntries(keys.map((k) => [k, row[k]]));
}
