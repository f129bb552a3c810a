// The one ticket criteria schema: search, queues, panel URLs and export all parse it. Pure zod
// (no db), so the panel and other domains import it. Values arrive either from a URL query
// (strings, comma-separated lists, repeated keys) or from JSON (a saved queue); both parse to
// the same object, and `criteriaToQuery` turns it back into URL parameters.
import { z } from "zod";
import { ticketSources, urgencyLevels } from "@/db/enums";
import { MAX_DB_ID, idSchema } from "@/lib/http/ids";

// Statuses, sort keys and their default directions live in params.ts (no zod: the browser uses them).
import { type CriteriaStatus, type SortKey, closedStatusGroup, criteriaStatuses, defaultOrder, openStatusGroup, sortKeys } from "./params";
export { type CriteriaStatus, type SortKey, closedStatusGroup, criteriaStatuses, defaultOrder, openStatusGroup, sortKeys };

export interface SortTerm {
  key: SortKey;
  order: "asc" | "desc";
}

/** "urgency,updated:desc" as terms (direction left out: null), or null when not valid. */
function parseSortSpec(spec: string): Array<{ key: SortKey; order: "asc" | "desc" | null }> | null {
  const parts = spec.split(",").map((p) => p.trim());
  if (!parts.length || parts.length > 3) return null;
  const out: Array<{ key: SortKey; order: "asc" | "desc" | null }> = [];
  for (const p of parts) {
    const m = /^([A-Za-z]+)(?::(asc|desc))?$/.exec(p);
    if (!m || !(sortKeys as readonly string[]).includes(m[1])) return null;
    if (out.some((t) => t.key === m[1])) return null;
    out.push({ key: m[1] as SortKey, order: (m[2] as "asc" | "desc" | undefined) ?? null });
  }
  if (out.length > 1 && out.some((t) => t.key === "relevance")) return null;
  return out;
}

/** Plain digits or a JSON number within the database's integer range ("0x10" and "1e3" are not ids). */
const id = idSchema;

/** A list given as an array, repeated query keys, or "a,b,c"; empty means "no filter". */
const list = <T extends z.ZodType>(item: T, max = 100) =>
  z.preprocess((v) => {
    if (v === undefined || v === null || v === "") return undefined;
    const arr = (Array.isArray(v) ? v : [v]).flatMap((x) => (typeof x === "string" ? x.split(",") : [x]));
    const cleaned = arr.map((x) => (typeof x === "string" ? x.trim() : x)).filter((x) => x !== "");
    return cleaned.length ? cleaned : undefined;
  }, z.array(item).max(max, `at most ${max} values`).optional());

const bool = z.preprocess((v) => {
  if (typeof v !== "string") return v;
  const s = v.trim().toLowerCase();
  if (["true", "1", "yes"].includes(s)) return true;
  if (["false", "0", "no"].includes(s)) return false;
  return v;
}, z.boolean({ error: "must be true or false" }).optional());

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
const RELATIVE = /^([+-])(\d{1,5})([mhdw])$/;

/**
 * The instants a date value may stand for (an upper bound's end of day included): years 1970
 * to 9999. PostgreSQL takes more, but a JavaScript Date past 9999 is sent in a form it refuses.
 */
export const DATE_WINDOW = { min: Date.UTC(1970, 0, 1), max: Date.UTC(10000, 0, 1) - 1 } as const;

/** Whether "YYYY-MM-DD" names a day of the calendar (not 2024-02-30). */
const realDay = (ymd: string) => {
  const [y, m, d] = ymd.split("-").map(Number);
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d); // (Date.UTC would read years 0..99 as 1900..1999)
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
};

/**
 * A point in time: an ISO date (2024-05-01), an ISO date-time with offset, or a time relative to
 * now ("-7d", "-12h", "+2d"; units m, h, d, w) so saved queues stay current. What it resolves
 * to (for a `...To` bound, the end of that day) must lie in DATE_WINDOW.
 */
const dateValue = (bound: "from" | "to") =>
  z
    .string()
    .trim()
    .superRefine((v, ctx) => {
      if (!RELATIVE.test(v) && !((ISO_DATE.test(v) || ISO_DATETIME.test(v)) && !Number.isNaN(Date.parse(v)))) {
        ctx.addIssue({ code: "custom", message: "must be an ISO date (2024-05-01), a date-time with offset, or relative like -7d" });
        return;
      }
      if (!RELATIVE.test(v) && !realDay(v.slice(0, 10))) {
        ctx.addIssue({ code: "custom", message: "is not a day of the calendar" });
        return;
      }
      const t = resolveCriteriaDate(v, new Date(), bound).getTime();
      if (!(t >= DATE_WINDOW.min && t <= DATE_WINDOW.max)) ctx.addIssue({ code: "custom", message: "must fall between 1970-01-01 and 9999-12-31" });
    })
    .optional();

/** Assignee tokens: me, none (no staff and no team), myteams, s<staffId>, t<teamId>; a bare number is a staff id. */
const assigneeToken = z
  .union([z.number().int().positive(), z.string().trim()])
  .transform((v) => (typeof v === "number" || /^\d+$/.test(v) ? `s${v}` : v.toLowerCase()))
  .refine((v) => /^(me|none|myteams|[st][1-9]\d{0,9})$/.test(v), { message: "must be me, none, myteams, s<staffId> or t<teamId>", abort: true })
  .refine((v) => !/^[st]/.test(v) || Number(v.slice(1)) <= MAX_DB_ID, { message: "no such staff member or team (id too large)" });

export const criteriaSchema = z.strictObject({
  /** Free text. Ticket numbers and email addresses in it match exactly; the last word also as a prefix. */
  q: z.string().trim().max(500, "at most 500 characters").optional(),
  status: list(z.enum(criteriaStatuses, { error: `must be one of ${criteriaStatuses.join(", ")}` })),
  deptId: list(id),
  assignee: list(assigneeToken),
  topicId: list(id),
  priorityId: list(id),
  orgId: list(id),
  userId: list(id),
  source: list(z.enum(ticketSources, { error: `must be one of ${ticketSources.join(", ")}` })),
  urgency: list(z.enum(urgencyLevels, { error: `must be one of ${urgencyLevels.join(", ")}` })),
  createdFrom: dateValue("from"),
  createdTo: dateValue("to"),
  updatedFrom: dateValue("from"),
  updatedTo: dateValue("to"),
  dueFrom: dateValue("from"),
  dueTo: dateValue("to"),
  overdue: bool,
  answered: bool,
  escalated: bool,
  docsRequired: bool,
  /** With docsRequired: whether a PM has acknowledged the documentation. */
  docsAcknowledged: bool,
  /** A column, or up to three ("urgency,updated:desc,priority"), each with an optional direction. */
  sort: z
    .string()
    .trim()
    .refine((v) => parseSortSpec(v) !== null, { message: `must be one of ${sortKeys.join(", ")} (up to 3, comma-separated, each optionally :asc or :desc; relevance alone)` })
    .optional(),
  order: z.enum(["asc", "desc"], { error: "must be asc or desc" }).optional(),
});
export type Criteria = z.output<typeof criteriaSchema>;
export type CriteriaInput = z.input<typeof criteriaSchema>;

/** Page parameters of a list: an opaque cursor from the previous page and the page size. */
export const pageSchema = z.object({
  cursor: z.string().trim().max(2000).optional(),
  limit: z.coerce.number({ error: "must be a number" }).int().min(1, "at least 1").max(100, "at most 100").default(25),
});
export type PageInput = z.output<typeof pageSchema>;

/** GET /search (and queue pages): criteria plus paging. */
export const searchQuerySchema = criteriaSchema.extend(pageSchema.shape);
export type SearchQuery = z.output<typeof searchQuerySchema>;

/**
 * The sort actually used, as terms: relevance only with a text query (and then by default);
 * otherwise last update. `order` applies to every key that names no direction of its own.
 */
export function sortTerms(c: Pick<Criteria, "q" | "sort" | "order">): SortTerm[] {
  const parsed = c.sort ? parseSortSpec(c.sort) : null;
  const spec = parsed && !(parsed[0].key === "relevance" && !c.q) ? parsed : [{ key: (c.q ? "relevance" : "updated") as SortKey, order: null }];
  return spec.map((t) => ({ key: t.key, order: t.order ?? c.order ?? defaultOrder[t.key] }));
}

/** The first sort term (what a single-column sort shows). */
export function effectiveSort(c: Pick<Criteria, "q" | "sort" | "order">): { sort: SortKey; order: "asc" | "desc" } {
  const [first] = sortTerms(c);
  return { sort: first.key, order: first.order };
}

/** Concrete statuses for a status filter (groups expanded), or null for "any but deleted". */
export function expandStatuses(statuses: readonly CriteriaStatus[] | undefined): string[] | null {
  if (!statuses?.length) return null;
  const out = new Set<string>();
  for (const s of statuses) {
    if (s === "any_open") openStatusGroup.forEach((x) => out.add(x));
    else if (s === "any_closed") closedStatusGroup.forEach((x) => out.add(x));
    else out.add(s);
  }
  return [...out];
}

const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 } as const;

/**
 * The instant a date value stands for. An upper bound given as a bare date covers that whole
 * day (UTC), so `createdTo=2024-05-01` includes tickets of May 1st; the returned instant is then
 * exclusive (`< 2024-05-02T00:00Z`), which `isExclusiveUpperBound` reports.
 */
export function resolveCriteriaDate(value: string, now: Date, bound: "from" | "to"): Date {
  const rel = RELATIVE.exec(value);
  if (rel) return new Date(now.getTime() + (rel[1] === "-" ? -1 : 1) * Number(rel[2]) * UNIT_MS[rel[3] as keyof typeof UNIT_MS]);
  if (ISO_DATE.test(value)) {
    const d = new Date(`${value}T00:00:00Z`);
    return bound === "to" ? new Date(d.getTime() + UNIT_MS.d) : d;
  }
  return new Date(value);
}

/** Whether the upper bound resolved by resolveCriteriaDate is exclusive (a bare date). */
export const isExclusiveUpperBound = (value: string) => ISO_DATE.test(value);

const criteriaKeys = Object.keys(criteriaSchema.shape) as Array<keyof Criteria>;

/** URL query parameters for criteria (lists comma-separated); parsing them gives the criteria back. */
export function criteriaToQuery(c: Criteria): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of criteriaKeys) {
    const v = c[key];
    if (v === undefined || v === null || (typeof v === "string" && v === "")) continue;
    out[key] = Array.isArray(v) ? v.join(",") : String(v);
  }
  return out;
}

/** Parses criteria from JSON or URL values; throws the ZodError for the caller to map. */
export function parseCriteria(input: unknown): Criteria {
  return criteriaSchema.parse(input);
}

/**
 * A queue's criteria refined by criteria given with it (a panel URL, an export link): each key
 * given replaces the queue's value for that key, so `queue=mine&status=closed` means "my closed
 * tickets". Keys not given keep the queue's values.
 */
export function refineCriteria(base: Criteria, given: Partial<Criteria>): Criteria {
  const explicit = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined));
  return criteriaSchema.parse({ ...base, ...explicit });
}

/** Drops empty values so saved criteria stay minimal and compare equal after a round trip. */
export function compactCriteria(c: Criteria): Criteria {
  return criteriaSchema.parse(Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined && !(Array.isArray(v) && !v.length))));
}
