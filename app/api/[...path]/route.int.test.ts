import { describe, expect, it } from "vitest";
import { GET, POST } from "./route";

describe("unknown API paths", () => {
  it("answer 404 with a clear text, or JSON when asked", async () => {
    const res = await POST(new Request("http://localhost/api/tickets.yaml", { method: "POST" }));
    expect([res.status, await res.text()]).toEqual([404, "Unknown API path: /api/tickets.yaml\n"]);
    const json = await GET(new Request("http://localhost/api/nope", { headers: { accept: "application/json" } }));
    expect(await json.json()).toEqual({ status: 404, message: "Unknown API path: /api/nope", errors: {} });
  });

  it("answer the staff JSON envelope under /api/staff/ without being asked", async () => {
    const res = await GET(new Request("http://localhost/api/staff/nope"));
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/application\/json/);
    expect(await res.json()).toEqual({ status: 404, message: "Unknown API path: /api/staff/nope", errors: {} });
  });
});
