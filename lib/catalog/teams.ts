// Teams (admins): create, edit with their members and lead, deactivate, delete when unused.
import { asc, eq } from "drizzle-orm";
import type { Db, Executor } from "@/db/client";
import { staff, teamMembers, teams } from "@/db/schema";
import { recordEvent } from "@/lib/events";
import { AppError } from "@/lib/http/errors";
import { assertNameFree, assertRefs, assertUnused, uniqueName } from "./guards";
import type { CreateTeamInput, UpdateTeamInput } from "./schemas";

interface Actor {
  id: number;
}

const LABEL = "team";

async function memberIdsOf(db: Executor, teamId: number): Promise<number[]> {
  const rows = await db.select({ id: teamMembers.staffId }).from(teamMembers).where(eq(teamMembers.teamId, teamId)).orderBy(asc(teamMembers.staffId));
  return rows.map((r) => r.id);
}

export async function getTeam(db: Executor, id: number) {
  const [row] = await db.select().from(teams).where(eq(teams.id, id));
  if (!row) throw new AppError("not_found", `Team ${id} not found`);
  return { ...row, memberIds: await memberIdsOf(db, id) };
}

/** Replaces the member set; the lead is always a member. */
async function setMembers(tx: Executor, teamId: number, memberIds: number[], leadId: number | null) {
  const ids = [...new Set(leadId ? [...memberIds, leadId] : memberIds)];
  await tx.delete(teamMembers).where(eq(teamMembers.teamId, teamId));
  if (ids.length) await tx.insert(teamMembers).values(ids.map((staffId) => ({ teamId, staffId })));
  return ids.sort((a, b) => a - b);
}

export async function createTeam(db: Db, actor: Actor, input: CreateTeamInput) {
  const id = await uniqueName(LABEL, () =>
    db.transaction(async (tx) => {
      await assertNameFree(tx, teams, LABEL, input.name);
      await assertRefs(tx, [
        { field: "leadId", table: staff, ids: [input.leadId], active: true },
        { field: "memberIds", table: staff, ids: input.memberIds },
      ]);
      const { memberIds, ...fields } = input;
      const [row] = await tx.insert(teams).values(fields).returning();
      const members = await setMembers(tx, row.id, memberIds, row.leadId);
      await recordEvent(tx, { entityType: LABEL, entityId: row.id, action: "created", staffId: actor.id, after: { name: row.name, leadId: row.leadId, memberIds: members } });
      return row.id;
    }),
  );
  return getTeam(db, id);
}

export async function updateTeam(db: Db, actor: Actor, id: number, input: UpdateTeamInput) {
  await uniqueName(LABEL, () =>
    db.transaction(async (tx) => {
      const [current] = await tx.select().from(teams).where(eq(teams.id, id)).for("update");
      if (!current) throw new AppError("not_found", `Team ${id} not found`);
      if (input.name !== undefined) await assertNameFree(tx, teams, LABEL, input.name, id);
      await assertRefs(tx, [
        { field: "leadId", table: staff, ids: [input.leadId], active: true },
        { field: "memberIds", table: staff, ids: input.memberIds ?? [] },
      ]);
      const before = await memberIdsOf(tx, id);
      const { memberIds, ...fields } = input;
      const [updated] = Object.keys(fields).length ? await tx.update(teams).set(fields).where(eq(teams.id, id)).returning() : [current];
      // A new lead joins the team even when the member list was not sent.
      const after = memberIds !== undefined || (input.leadId && !before.includes(input.leadId)) ? await setMembers(tx, id, memberIds ?? before, updated.leadId) : before;
      const action = input.isActive === false && current.isActive ? "deactivated" : input.isActive && !current.isActive ? "reactivated" : "updated";
      await recordEvent(tx, {
        entityType: LABEL,
        entityId: id,
        action,
        staffId: actor.id,
        before: { name: current.name, leadId: current.leadId, isActive: current.isActive, memberIds: before },
        after: { name: updated.name, leadId: updated.leadId, isActive: updated.isActive, memberIds: after },
      });
    }),
  );
  return getTeam(db, id);
}

export async function deleteTeam(db: Db, actor: Actor, id: number) {
  await db.transaction(async (tx) => {
    const [current] = await tx.select().from(teams).where(eq(teams.id, id)).for("update");
    if (!current) throw new AppError("not_found", `Team ${id} not found`);
    await assertUnused(
      tx,
      LABEL,
      [
        { table: "tickets", column: "team_id", what: "ticket" },
        { table: "tasks", column: "team_id", what: "task" },
      ],
      id,
    );
    await tx.delete(teams).where(eq(teams.id, id));
    await recordEvent(tx, { entityType: LABEL, entityId: id, action: "deleted", staffId: actor.id, before: { name: current.name } });
  });
}
