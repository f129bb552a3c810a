// A local stand-in for Algolia's REST API, enough for the algoliasearch v5 client as the help
// desk uses it: batch writes, settings, index move, task status, and queries with our filter
// syntax (ANDed groups of ORed facet or numeric tests). It records every request and can be
// told to fail the next calls, to test retries.
import http from "node:http";
import type { AddressInfo } from "node:net";

type Rec = Record<string, unknown> & { objectID: string };

export interface FakeAlgolia {
  url: string;
  indices: Map<string, Map<string, Rec>>;
  requests: Array<{ method: string; path: string; body: unknown }>;
  failNext(count: number, status?: number): void;
  close(): Promise<void>;
}

const SEARCHABLE = ["number", "subject", "userName", "userEmail", "organization", "aiSummary", "thread"];

function splitTop(s: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let cur = "";
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '"' && s[i - 1] !== "\\") quoted = !quoted;
    if (!quoted && c === "(") depth++;
    if (!quoted && c === ")") depth--;
    if (!quoted && depth === 0 && s.startsWith(sep, i)) {
      out.push(cur);
      cur = "";
      i += sep.length - 1;
      continue;
    }
    cur += c;
  }
  out.push(cur);
  return out.map((x) => x.trim()).filter(Boolean);
}

function atom(rec: Rec, raw: string): boolean {
  let a = raw.trim();
  if (a.startsWith("NOT ")) return !atom(rec, a.slice(4));
  if (a.startsWith("(") && a.endsWith(")")) a = a.slice(1, -1);
  if (splitTop(a, " OR ").length > 1) return splitTop(a, " OR ").some((x) => atom(rec, x));
  const num = /^(\w+)\s*(>=|<=|=|<|>|!=)\s*(-?\d+(?:\.\d+)?)$/.exec(a);
  if (num) {
    const v = rec[num[1]];
    if (typeof v !== "number") return false;
    const n = Number(num[3]);
    return { ">=": v >= n, "<=": v <= n, "=": v === n, "<": v < n, ">": v > n, "!=": v !== n }[num[2]]!;
  }
  const m = /^(\w+):(.+)$/.exec(a);
  if (!m) throw new Error(`fake algolia: cannot parse filter ${raw}`);
  const want = m[2].startsWith('"') ? JSON.parse(m[2]) : m[2];
  const v = rec[m[1]];
  return Array.isArray(v) ? v.map(String).includes(want) : String(v) === want;
}

export function matchesFilters(rec: Rec, filters: string | undefined): boolean {
  if (!filters?.trim()) return true;
  return splitTop(filters, " AND ").every((g) => atom(rec, g));
}

function search(index: Map<string, Rec>, p: { query?: string; filters?: string; page?: number; hitsPerPage?: number }) {
  const words = (p.query ?? "").toLowerCase().split(/\s+/).filter(Boolean);
  const scored: Array<{ rec: Rec; rank: number }> = [];
  for (const rec of index.values()) {
    if (!matchesFilters(rec, p.filters)) continue;
    const fields = SEARCHABLE.map((f) => String(rec[f] ?? "").toLowerCase());
    if (!words.every((w) => fields.some((f) => f.includes(w)))) continue;
    const rank = words.length ? Math.min(...words.map((w) => fields.findIndex((f) => f.includes(w)))) : 0;
    scored.push({ rec, rank });
  }
  scored.sort((a, b) => a.rank - b.rank || Number(b.rec.updatedAt) - Number(a.rec.updatedAt));
  const per = p.hitsPerPage ?? 20;
  const page = p.page ?? 0;
  return {
    hits: scored.slice(page * per, page * per + per).map((s) => ({ objectID: s.rec.objectID })),
    nbHits: scored.length,
    nbPages: Math.ceil(scored.length / per),
    page,
    hitsPerPage: per,
    exhaustiveNbHits: true,
    processingTimeMS: 1,
    query: p.query ?? "",
    params: "",
  };
}

export async function startFakeAlgolia(): Promise<FakeAlgolia> {
  const indices = new Map<string, Map<string, Rec>>();
  const requests: FakeAlgolia["requests"] = [];
  let failures = 0;
  let failStatus = 500;
  let task = 1;
  const index = (name: string) => {
    if (!indices.has(name)) indices.set(name, new Map());
    return indices.get(name)!;
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const body = text ? JSON.parse(text) : null;
      const path = decodeURIComponent(new URL(req.url!, "http://x").pathname);
      requests.push({ method: req.method!, path, body });
      const send = (status: number, data: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(data));
      };
      if (failures > 0 && !path.includes("/task/")) {
        failures--;
        return send(failStatus, { message: "fake failure", status: failStatus });
      }
      const m = /^\/1\/indexes\/([^/]+)\/(batch|query|settings|operation|task\/(\d+))$/.exec(path);
      if (!m) return send(404, { message: `no route ${req.method} ${path}`, status: 404 });
      const [, name, op] = m;
      if (op === "batch") {
        const idx = index(name);
        for (const r of body.requests as Array<{ action: string; body: Rec }>) {
          if (r.action === "deleteObject") idx.delete(r.body.objectID);
          else idx.set(r.body.objectID, r.body);
        }
        return send(200, { taskID: task++, objectIDs: body.requests.map((r: { body: Rec }) => r.body.objectID) });
      }
      if (op === "query") return send(200, search(index(name), body ?? {}));
      if (op === "settings") {
        index(name);
        return send(200, { taskID: task++, updatedAt: new Date().toISOString() });
      }
      if (op === "operation") {
        if (body.operation === "move") {
          indices.set(body.destination, index(name));
          indices.delete(name);
        }
        return send(200, { taskID: task++, updatedAt: new Date().toISOString() });
      }
      return send(200, { status: "published", pendingTask: false });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    indices,
    requests,
    failNext(count, status = 500) {
      failures = count;
      failStatus = status;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
