import { expect, test } from "@playwright/test";
import { readState } from "./state";

const state = readState();

test("health reports the database driver and migration level", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body.status).toBe("ok");
  expect(body.db.driver).toBe(state.driver);
  expect(body.db.migrations.pending).toEqual([]);
});

test("the osTicket /scp/ajax.php path is rewritten to the staff API", async ({ request }) => {
  const direct = await request.get("/api/staff/status");
  const rewritten = await request.get("/scp/ajax.php/status");
  expect(rewritten.status()).toBe(direct.status());
  expect(await rewritten.json()).toEqual(await direct.json());
});

test("the login page renders", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByRole("heading", { name: /sign in/i })).toBeVisible();
  await expect(page.getByLabel("Email")).toBeVisible();
  await expect(page.getByLabel("Password")).toBeVisible();
  await page.screenshot({ path: "e2e/screenshots/login.png", fullPage: true });
});

test("a method a staff route does not take is a 405 in the envelope, with Allow", async ({ request }) => {
  const res = await request.delete("/api/staff/search");
  expect(res.status()).toBe(405);
  expect(res.headers()["allow"]).toBe("GET");
  expect(await res.json()).toMatchObject({ status: 405, message: "Method DELETE not allowed here; use GET", errors: {} });
});

test("panel pages refuse to be framed by other sites and keep their addresses to themselves", async ({ request }) => {
  const res = await request.get("/login");
  expect(res.status()).toBe(200);
  const h = res.headers();
  expect(h["x-frame-options"]).toBe("DENY");
  expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(h["referrer-policy"]).toBe("same-origin");
  expect(h["x-content-type-options"]).toBe("nosniff");
});
