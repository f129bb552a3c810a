// The export stream's failure modes, with an executor that fails on purpose: a failing first
// query rejects before any byte is sent (so the route answers an error), and a failure after the
// first rows aborts the stream instead of ending it as if complete.
import { describe, expect, it } from "vitest";
import type { Executor } from "@/db/client";
import { criteriaSchema } from "@/lib/search";
import { exportTicketsCsv } from "./export";

const actor = { id: 1, role: "admin", deptIds: [1], teamIds: [] } as never;
const criteria = criteriaSchema.parse({});

/** A drizzle-like select chain whose n-th execution answers `results[n]` (rows, or an error to throw). */
function fakeDb(results: Array<object[] | Error>): Executor {
  let call = 0;
  const chain: Record<string, unknown> = {};
  for (const m of ["from", "innerJoin", "leftJoin", "where", "orderBy", "limit"]) chain[m] = () => chain;
  chain.then = (ok: (v: unknown) => unknown, bad: (e: unknown) => unknown) => {
    const r = results[call++] ?? [];
    return r instanceof Error ? Promise.reject(r).then(ok, bad) : Promise.resolve(r).then(ok, bad);
  };
  return { select: () => chain } as unknown as Executor;
}

const row = (id: number) => ({ id, number: String(100000 + id), subject: `Ticket ${id}` });

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describe("exportTicketsCsv", () => {
  it("rejects before streaming when the first query fails", async () => {
    await expect(exportTicketsCsv(fakeDb([new Error("canceling statement due to statement timeout")]), actor, criteria, ["number"])).rejects.toThrow(/statement timeout/);
  });

  it("streams the header and every batch, then ends", async () => {
    const first = Array.from({ length: 1000 }, (_, i) => row(2000 - i));
    const csv = await readAll(await exportTicketsCsv(fakeDb([first, [row(5), row(4)]]), actor, criteria, ["number"]));
    const lines = csv.replace(/^\uFEFF/, "").trim().split(/\r?\n/);
    expect(lines[0]).toBe("Ticket Number");
    expect(lines).toHaveLength(1 + 1000 + 2);
    expect(lines.at(-1)).toBe("100004");
  });

  it("aborts the stream when a later batch fails", async () => {
    const first = Array.from({ length: 1000 }, (_, i) => row(2000 - i));
    const stream = await exportTicketsCsv(fakeDb([first, new Error("connection lost")]), actor, criteria, ["number"]);
    await expect(readAll(stream)).rejects.toThrow();
  });
});
