import { describe, expect, it } from "vitest";
import {
  compactCriteria,
  criteriaSchema,
  criteriaToQuery,
  effectiveSort,
  expandStatuses,
  resolveCriteriaDate,
  searchQuerySchema,
} from "./criteria";

const fromUrl = (qs: string) => {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of new URLSearchParams(qs)) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
};

describe("criteriaSchema", () => {
  it("parses URL values and JSON values to the same criteria", () => {
    const url = criteriaSchema.parse(
      fromUrl("q=printer&status=open,awaiting_client&deptId=1&deptId=2&assignee=me,7,t3&overdue=true&createdFrom=-7d&sort=updated&order=asc"),
    );
    const json = criteriaSchema.parse({
      q: "printer",
      status: ["open", "awaiting_client"],
      deptId: [1, 2],
      assignee: ["me", 7, "t3"],
      overdue: true,
      createdFrom: "-7d",
      sort: "updated",
      order: "asc",
    });
    expect(url).toEqual(json);
    expect(url.assignee).toEqual(["me", "s7", "t3"]);
  });

  it("round-trips through URL parameters and JSON", () => {
    const c = criteriaSchema.parse({ q: "請求書", status: ["any_open"], priorityId: [4], answered: false, dueTo: "2024-05-01", escalated: true });
    expect(criteriaSchema.parse(fromUrl(new URLSearchParams(criteriaToQuery(c)).toString()))).toEqual(c);
    expect(criteriaSchema.parse(JSON.parse(JSON.stringify(c)))).toEqual(c);
  });

  it.each([
    [{ status: "pending" }, "status.0"],
    [{ deptId: "x" }, "deptId.0"],
    [{ deptId: "0" }, "deptId.0"],
    [{ assignee: "bob" }, "assignee.0"],
    [{ createdFrom: "yesterday" }, "createdFrom"],
    [{ createdFrom: "2024-13-45" }, "createdFrom"],
    [{ overdue: "maybe" }, "overdue"],
    [{ sort: "colour" }, "sort"],
    [{ order: "up" }, "order"],
    [{ colour: "red" }, ""],
    // Values the database cannot take (ids past its integer range, dates outside 1970..9999).
    [{ assignee: ["s9999999999"] }, "assignee.0"],
    [{ assignee: "t2147483648" }, "assignee.0"],
    [{ assignee: "9999999999" }, "assignee.0"],
    [{ assignee: [9_999_999_999] }, "assignee.0"],
    [{ deptId: "2147483648" }, "deptId.0"],
    [{ userId: [2_147_483_648] }, "userId.0"],
    [{ deptId: "0x10" }, "deptId.0"],
    [{ topicId: "1e3" }, "topicId.0"],
    [{ createdTo: "9999-12-31" }, "createdTo"],
    [{ createdFrom: "0000-01-01" }, "createdFrom"],
    [{ updatedFrom: "1969-12-31T23:59:59Z" }, "updatedFrom"],
    [{ dueTo: "9999-12-31T23:00:00-02:00" }, "dueTo"],
    [{ createdFrom: "2024-02-30" }, "createdFrom"],
    [{ createdTo: "2023-02-29T10:00:00Z" }, "createdTo"],
    [{ createdFrom: "-99999w" }, "createdFrom"],
    [{ createdFrom: "-99999d" }, "createdFrom"],
  ])("refuses %j naming %s", (input, path) => {
    const r = criteriaSchema.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error!.issues[0].path.join(".")).toBe(path);
    expect(r.error!.issues).toHaveLength(1);
  });

  it("takes the edges of the date window and ids up to the integer range", () => {
    const c = criteriaSchema.parse({
      createdFrom: "1970-01-01",
      createdTo: "9999-12-30",
      updatedFrom: "9999-12-31",
      dueFrom: "2024-02-29",
      dueTo: "+99999w",
      updatedTo: "-2000w",
      assignee: ["s2147483647", 2_147_483_647, "t1"],
      deptId: ["2147483647"],
    });
    expect(c.assignee).toEqual(["s2147483647", "s2147483647", "t1"]);
    expect(c.deptId).toEqual([2_147_483_647]);
  });

  it("treats empty values as no filter", () => {
    expect(compactCriteria(criteriaSchema.parse({ status: "", deptId: [], q: undefined }))).toEqual({});
  });

  it("pages: limit defaults to 25 and is capped at 100", () => {
    expect(searchQuerySchema.parse({}).limit).toBe(25);
    expect(searchQuerySchema.safeParse({ limit: "500" }).success).toBe(false);
  });
});

describe("helpers", () => {
  it("sorts by relevance only with a query", () => {
    expect(effectiveSort({ q: "x" })).toEqual({ sort: "relevance", order: "desc" });
    expect(effectiveSort({})).toEqual({ sort: "updated", order: "desc" });
    expect(effectiveSort({ sort: "relevance" })).toEqual({ sort: "updated", order: "desc" });
    expect(effectiveSort({ sort: "due" })).toEqual({ sort: "due", order: "asc" });
  });

  it("expands status groups", () => {
    expect(expandStatuses(["any_open", "resolved"])).toEqual(["open", "awaiting_client", "resolved"]);
    expect(expandStatuses(undefined)).toBeNull();
  });

  it("resolves relative and bare dates", () => {
    const now = new Date("2024-05-10T12:00:00Z");
    expect(resolveCriteriaDate("-7d", now, "from").toISOString()).toBe("2024-05-03T12:00:00.000Z");
    expect(resolveCriteriaDate("+2h", now, "to").toISOString()).toBe("2024-05-10T14:00:00.000Z");
    expect(resolveCriteriaDate("2024-05-01", now, "from").toISOString()).toBe("2024-05-01T00:00:00.000Z");
    expect(resolveCriteriaDate("2024-05-01", now, "to").toISOString()).toBe("2024-05-02T00:00:00.000Z");
    expect(resolveCriteriaDate("2024-05-01T10:00:00+02:00", now, "to").toISOString()).toBe("2024-05-01T08:00:00.000Z");
  });
});

describe("criteria as panel URL parameters (params.ts)", () => {
  it("knows every key of the criteria schema", async () => {
    const { criteriaParamKeys } = await import("./params");
    expect([...criteriaParamKeys]).toEqual(Object.keys(criteriaSchema.shape));
  });

  it("normalises repeated keys and blanks; the result parses like the address it came from", async () => {
    const { readCriteriaParams, withParams, currentSort, toQueryString } = await import("./params");
    const sp = new URLSearchParams("queue=open&status=open&status=resolved&deptId=1,%202&q=%20printer%20&overdue=true&cursor=abc&assignee=");
    const p = readCriteriaParams(sp);
    expect(p).toEqual({ q: "printer", status: "open,resolved", deptId: "1,2", overdue: "true" });
    expect(readCriteriaParams({ status: ["open", "resolved"], deptId: "1,2", q: "printer", overdue: "true" })).toEqual(p);
    expect(criteriaSchema.parse(p)).toEqual(criteriaSchema.parse(fromUrl(sp.toString().replace("&cursor=abc", "").replace("queue=open&", ""))));
    expect(withParams(p, { status: undefined, sort: "subject:asc" })).toEqual({ q: "printer", deptId: "1,2", overdue: "true", sort: "subject:asc" });
    expect(currentSort({ sort: "due:desc,priority" })).toEqual({ key: "due", order: "desc" });
    expect(currentSort({ sort: "updated", order: "asc" })).toEqual({ key: "updated", order: "asc" });
    expect(currentSort({}, { sort: "urgency,updated" })).toEqual({ key: "urgency", order: "desc" });
    expect(currentSort({ q: "x" })).toEqual({ key: "relevance", order: "desc" });
    expect(currentSort({ sort: "relevance" })).toEqual({ key: "updated", order: "desc" });
    for (const c of [{ sort: "subject" }, { sort: "due:desc" }, { q: "a" }, {}, { sort: "priority", order: "asc" as const }]) {
      const { sortTerms } = await import("./criteria");
      expect(currentSort(c)).toEqual(sortTerms(criteriaSchema.parse(c))[0]);
    }
    expect(toQueryString({ q: "a b" }, { queue: "mine" })).toBe("queue=mine&q=a+b");
  });

  it("refines a queue's criteria with the keys given", async () => {
    const { refineCriteria } = await import("./criteria");
    const base = criteriaSchema.parse({ status: ["any_open"], assignee: ["me"], sort: "urgency,updated" });
    expect(refineCriteria(base, criteriaSchema.parse({ status: "closed" }))).toEqual({ ...base, status: ["closed"] });
    expect(refineCriteria(base, {})).toEqual(base);
  });
});
