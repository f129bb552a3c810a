// Criteria as URL parameters in the browser, without zod: the panel's lists keep their filters
// in the address (so a view can be shared) and hand them to the API as they are; the server
// parses them with the one criteria schema. Pure and tiny, so list pages stay light.

/** Statuses a filter may name ("deleted" tickets are never listed), plus the two groups. */
export const criteriaStatuses = ["open", "awaiting_client", "resolved", "closed", "archived", "any_open", "any_closed"] as const;
export type CriteriaStatus = (typeof criteriaStatuses)[number];
export const openStatusGroup = ["open", "awaiting_client"] as const;
export const closedStatusGroup = ["resolved", "closed", "archived"] as const;

/** Columns a list can be sorted by; "relevance" needs a text query. */
export const sortKeys = [
  "relevance",
  "number",
  "subject",
  "created",
  "updated",
  "due",
  "priority",
  "status",
  "urgency",
  "user",
  "org",
  "dept",
  "assignee",
  "lastMessage",
  "lastResponse",
] as const;
export type SortKey = (typeof sortKeys)[number];

/** Direction used when the criteria name none: names and numbers A→Z, due soonest first, the rest newest/highest first. */
export const defaultOrder: Record<SortKey, "asc" | "desc"> = {
  relevance: "desc",
  number: "asc",
  subject: "asc",
  created: "desc",
  updated: "desc",
  due: "asc",
  priority: "desc",
  status: "asc",
  urgency: "desc",
  user: "asc",
  org: "asc",
  dept: "asc",
  assignee: "asc",
  lastMessage: "desc",
  lastResponse: "desc",
};

/** Every key of the criteria schema (criteria.test.ts keeps the two lists equal). */
export const criteriaParamKeys = [
  "q",
  "status",
  "deptId",
  "assignee",
  "topicId",
  "priorityId",
  "orgId",
  "userId",
  "source",
  "urgency",
  "createdFrom",
  "createdTo",
  "updatedFrom",
  "updatedTo",
  "dueFrom",
  "dueTo",
  "overdue",
  "answered",
  "escalated",
  "docsRequired",
  "docsAcknowledged",
  "sort",
  "order",
] as const;
export type CriteriaParamKey = (typeof criteriaParamKeys)[number];

/** Criteria as URL values: lists comma-separated, booleans "true"/"false". */
export type CriteriaParams = Partial<Record<CriteriaParamKey, string>>;

type ParamSource = URLSearchParams | Record<string, string | string[] | undefined>;

/**
 * The criteria parameters of a URL, normalised: only criteria keys, repeated keys joined with
 * commas, blanks dropped, keys in schema order. Server and browser compute the same object for
 * the same address, so a prefetched page and the browser's query share one cache key.
 */
export function readCriteriaParams(source: ParamSource): CriteriaParams {
  const get = (k: string): string[] => {
    if (source instanceof URLSearchParams) return source.getAll(k);
    const v = source[k];
    return v === undefined ? [] : Array.isArray(v) ? v : [v];
  };
  const out: CriteriaParams = {};
  for (const key of criteriaParamKeys) {
    const joined = get(key)
      .flatMap((v) => (key === "q" ? [v] : v.split(",")))
      .map((v) => v.trim())
      .filter(Boolean)
      .join(key === "q" ? " " : ",");
    if (joined) out[key] = joined;
  }
  return out;
}

/** The same parameters with `patch` applied (an empty or undefined value removes the key). */
export function withParams(params: CriteriaParams, patch: CriteriaParams | Record<string, string | undefined>): CriteriaParams {
  const merged: Record<string, string | undefined> = { ...params, ...patch };
  return readCriteriaParams(Object.fromEntries(Object.entries(merged).filter((e): e is [string, string] => !!e[1])));
}

/** A query string (no "?") for these parameters plus extra ones such as `queue`. */
export function toQueryString(params: CriteriaParams, extra: Record<string, string | undefined> = {}): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(extra)) if (v) qs.set(k, v);
  for (const [k, v] of Object.entries(params)) if (v) qs.set(k, v);
  return qs.toString();
}

/**
 * The first sort column and its direction, as the server will apply them (criteria.ts
 * `sortTerms`): the parameters' sort, else the queue's, else relevance with text and last update
 * without; the direction written with the key, else `order`, else the key's default.
 */
export function currentSort(params: CriteriaParams, base: { sort?: string; order?: string } = {}): { key: SortKey; order: "asc" | "desc" } {
  const q = params.q;
  const spec = (params.sort ?? base.sort)?.split(",")[0]?.trim();
  const [name, dir] = spec ? spec.split(":") : [];
  let key = ((sortKeys as readonly string[]).includes(name) ? name : null) as SortKey | null;
  if (!key || (key === "relevance" && !q)) key = q ? "relevance" : "updated";
  const order = dir ?? (params.sort ? params.order : (params.order ?? base.order));
  return { key, order: order === "asc" || order === "desc" ? order : defaultOrder[key] };
}

/** Status filter choices with their labels, groups first. */
export const statusChoices: Array<{ value: CriteriaStatus; label: string }> = [
  { value: "any_open", label: "Any open" },
  { value: "open", label: "Open" },
  { value: "awaiting_client", label: "Awaiting client" },
  { value: "resolved", label: "Resolved" },
  { value: "closed", label: "Closed" },
  { value: "archived", label: "Archived" },
  { value: "any_closed", label: "Any closed" },
];
