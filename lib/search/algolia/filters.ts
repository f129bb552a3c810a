// Criteria and the caller's scope as an Algolia `filters` string, computed on the server for
// every query (the API key never reaches the browser). Groups are ANDed; each group ORs
// values of one attribute, as Algolia's filter syntax requires.
import { type Criteria, expandStatuses, isExclusiveUpperBound, resolveCriteriaDate } from "../criteria";
import type { SearchActor } from "../filters";

const NOTHING = "objectID:-1";
const facet = (attr: string, v: string | number | boolean) => `${attr}:${JSON.stringify(String(v))}`;
const anyOf = (parts: string[]) => (parts.length ? (parts.length === 1 ? parts[0] : `(${parts.join(" OR ")})`) : NOTHING);

export function scopeFilter(actor: SearchActor): string | null {
  if (actor.role === "admin") return null;
  const tokens = [`s${actor.id}`, ...actor.deptIds.map((d) => `d${d}`), ...actor.teamIds.map((t) => `t${t}`)];
  return anyOf(tokens.map((t) => facet("visibleTo", t)));
}

function assigneeFilter(tokens: string[], actor: SearchActor): string {
  const values = tokens.flatMap((t) => (t === "me" ? [`s${actor.id}`] : t === "myteams" ? actor.teamIds.map((id) => `t${id}`) : [t]));
  return anyOf(values.map((v) => facet("assignee", v)));
}

function dateRange(attr: string, from: string | undefined, to: string | undefined, now: Date): string[] {
  const out: string[] = [];
  if (from) out.push(`${attr} >= ${Math.floor(resolveCriteriaDate(from, now, "from").getTime() / 1000)}`);
  if (to) {
    const end = Math.floor(resolveCriteriaDate(to, now, "to").getTime() / 1000);
    out.push(isExclusiveUpperBound(to) ? `${attr} < ${end}` : `${attr} <= ${end}`);
  }
  return out;
}

export function algoliaFilters(c: Criteria, actor: SearchActor, now = new Date()): string {
  const groups: string[] = [];
  const scope = scopeFilter(actor);
  if (scope) groups.push(scope);
  const statuses = expandStatuses(c.status);
  if (statuses) groups.push(anyOf(statuses.map((s) => facet("status", s))));
  const ids = (attr: string, list?: number[]) => list?.length && groups.push(anyOf(list.map((v) => `${attr}=${v}`)));
  ids("deptId", c.deptId);
  ids("topicId", c.topicId);
  ids("priorityId", c.priorityId);
  ids("orgId", c.orgId);
  ids("userId", c.userId);
  if (c.assignee?.length) groups.push(assigneeFilter(c.assignee, actor));
  if (c.source?.length) groups.push(anyOf(c.source.map((s) => facet("source", s))));
  if (c.urgency?.length) groups.push(anyOf(c.urgency.map((s) => facet("urgency", s))));
  const flag = (attr: string, v?: boolean) => v !== undefined && groups.push(facet(attr, v));
  flag("isOverdue", c.overdue);
  flag("isAnswered", c.answered);
  flag("isEscalated", c.escalated);
  flag("docsRequired", c.docsRequired);
  flag("docsAcknowledged", c.docsAcknowledged);
  groups.push(...dateRange("createdAt", c.createdFrom, c.createdTo, now));
  groups.push(...dateRange("updatedAt", c.updatedFrom, c.updatedTo, now));
  groups.push(...dateRange("dueAt", c.dueFrom, c.dueTo, now));
  return groups.join(" AND ");
}
