// The external API through the real production server: osTicket paths (with and without URL
// rewriting), plain-text answers, the email door, and the client address set by our server.
import { expect, test } from "@playwright/test";
import { readState } from "./state";

const state = readState();
const key = { "X-API-Key": state.apiKey };

test("tickets.json answers the bare number, also under /api/http.php", async ({ request }) => {
  const body = JSON.stringify({ name: "E2E", email: "e2e.intake@example.com", subject: "Printer offline", message: "Since 9:00." });
  for (const path of ["/api/tickets.json", "/api/http.php/tickets.json"]) {
    const res = await request.post(path, { headers: { ...key, "content-type": "application/x-www-form-urlencoded" }, data: body });
    expect(res.status()).toBe(201);
    expect((await res.text()).trim()).toMatch(/^\d{6,}$/);
  }
});

test("tickets.xml and tickets.email create tickets; JSON when asked", async ({ request }) => {
  const xml = await request.post("/api/http.php/tickets.xml", {
    headers: { ...key, accept: "application/json" },
    data: "<ticket><email>e2e.xml@example.com</email><subject>XML</subject><message>Hello</message></ticket>",
  });
  expect(xml.status()).toBe(201);
  expect((await xml.json()).data.number).toMatch(/^\d+$/);
  const eml = "From: E2E Mail <e2e.mail@example.com>\r\nTo: support@example.com\r\nSubject: By mail\r\nMessage-ID: <e2e-mail-1@example.com>\r\n\r\nHello\r\n";
  const first = await request.post("/api/tickets.email", { headers: key, data: eml });
  const again = await request.post("/api/tickets.email", { headers: key, data: eml });
  expect(first.status()).toBe(201);
  expect((await again.text()).trim()).toBe((await first.text()).trim());
});

test("errors are plain text: 401 without a key, 405 wrong method, 404 unknown path", async ({ request }) => {
  const noKey = await request.post("/api/tickets.json", { data: "{}" });
  expect([noKey.status(), (await noKey.text()).trim()]).toEqual([401, "Valid API key required"]);
  const get = await request.get("/api/tickets.json", { headers: key });
  expect(get.status()).toBe(405);
  const unknown = await request.post("/api/http.php/tickets.yaml", { headers: key, data: "x" });
  expect(unknown.status()).toBe(404);
});

test("cron through the osTicket path", async ({ request }) => {
  const res = await request.post("/api/http.php/tasks/cron", { headers: key });
  expect([res.status(), (await res.text()).trim()]).toEqual([200, "Completed"]);
});
