import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError, errorStatus } from "./errors";
import { fail, ok } from "./envelope";

describe("error envelope", () => {
  it.each(Object.entries(errorStatus))("maps %s to %i", async (code, status) => {
    const res = fail(new AppError(code as keyof typeof errorStatus, "msg"));
    expect(res.status).toBe(status);
    expect(await res.json()).toEqual({ status, message: "msg", errors: {} });
  });

  it("turns a zod error into a 400 naming each field", async () => {
    const schema = z.object({ subject: z.string(), nested: z.object({ n: z.number() }) });
    const parsed = schema.safeParse({ nested: { n: "x" } });
    const res = fail(parsed.error);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(Object.keys(body.errors).sort()).toEqual(["nested.n", "subject"]);
  });

  it("hides unknown errors behind a generic 500", async () => {
    const res = fail(new Error("password=hunter2 in connection string"));
    expect(res.status).toBe(500);
    expect(JSON.stringify(await res.json())).not.toContain("hunter2");
  });

  it("answers a client abort as a 400 without logging it as unhandled", async () => {
    const abort = Object.assign(new Error("aborted"), { code: "ECONNRESET" });
    const res = fail(abort);
    expect(res.status).toBe(400);
    expect((await res.json()).message).toMatch(/aborted/);
  });

  it("wraps data in the success envelope", async () => {
    const res = ok({ a: 1 }, { message: "Done" });
    expect(await res.json()).toEqual({ status: 200, message: "Done", data: { a: 1 } });
  });
});
