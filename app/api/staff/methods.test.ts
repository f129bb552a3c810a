// Every staff route answers every method: the ones it takes, and 405 in the JSON envelope with
// an Allow header naming exactly those for the rest (Next's own 405 has no body and no Allow).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { setIntakeEnv } from "@/test/intake-env";

setIntakeEnv();

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];
const root = __dirname;
const routes = (fs.readdirSync(root, { recursive: true }) as string[]).filter((f) => path.basename(f) === "route.ts").sort();

type Handler = ((req: Request) => Promise<Response> | Response) & { allow?: string[] };

describe("methods a staff route does not take", () => {
  it("finds the staff routes", () => {
    expect(routes.length).toBeGreaterThan(50);
  });

  it.each(routes)("%s", async (file) => {
    const mod = (await import(path.join(root, file))) as Record<string, Handler | undefined>;
    for (const m of METHODS) expect(typeof mod[m], `${file} exports ${m}`).toBe("function");
    const own = METHODS.filter((m) => !mod[m]!.allow);
    const others = METHODS.filter((m) => mod[m]!.allow);
    expect(own.length).toBeGreaterThan(0);
    for (const m of others) {
      expect(mod[m]!.allow).toEqual(own);
      const res = await mod[m]!(new Request("http://localhost/api/staff/x", { method: m }));
      expect(res.status).toBe(405);
      expect(res.headers.get("allow")).toBe(own.join(", "));
      expect(await res.json()).toMatchObject({ status: 405, message: expect.stringContaining(`Method ${m} not allowed`), errors: {} });
    }
  });
});
