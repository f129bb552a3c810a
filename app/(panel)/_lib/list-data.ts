// What the ticket-list pages (queue view, search, queue editor) read on the server besides the
// tickets: picker lists for filters and mass actions, the caller's abilities, and the JSON shape
// the browser's queries hold (dates as strings), so prefetched and fetched data are alike.
import "server-only";
import type { Executor } from "@/db/client";
import type { ListAbilities, ListOptions } from "@/components/tickets/list/list-options";
import { type SessionStaff, roleCan } from "@/lib/auth";
import { listDepartments, listPriorities, listTeams, listTopics } from "@/lib/catalog";
import { listStaff } from "@/lib/staff";

export async function listOptions(db: Executor, staff: SessionStaff): Promise<ListOptions> {
  const [departments, topics, priorities, teams, people] = await Promise.all([
    listDepartments(db, staff),
    listTopics(db, staff),
    listPriorities(db),
    listTeams(db, staff),
    listStaff(db, { detailed: false }),
  ]);
  const pick = <T extends { id: number; name: string }>(items: T[]) => items.map((i) => ({ id: i.id, name: i.name }));
  return {
    departments: departments.items.map((d) => ({ id: d.id, name: d.name, isMember: d.isMember })),
    topics: pick(topics.items),
    priorities: pick(priorities.items),
    staff: pick(people.items),
    teams: pick(teams.items),
  };
}

export function listAbilities(role: SessionStaff["role"]): ListAbilities {
  return {
    export: roleCan(role, "tickets.export"),
    status: roleCan(role, "tickets.status"),
    assign: roleCan(role, "tickets.assign"),
    transfer: roleCan(role, "tickets.transfer"),
    claim: roleCan(role, "tickets.claim"),
    merge: roleCan(role, "tickets.merge"),
    delete: roleCan(role, "tickets.delete"),
  };
}

/** A server value as the API sends it. */
export const asJson = <T>(v: T) => JSON.parse(JSON.stringify(v));
