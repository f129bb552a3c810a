// Sign in, sign out, going back to the page asked for, and the API with a script-style session.
import { expect, test } from "@playwright/test";
import { LoginPage } from "./pages/login-page";
import { readState } from "./state";

const state = readState();

test("an unsigned visitor is sent to /login and back to the page asked for", async ({ page }) => {
  await page.goto("/tickets?queue=open");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Ftickets%3Fqueue%3Dopen$/);
  const login = new LoginPage(page);
  await login.signIn(state.staff.agentA.email, state.password);
  await page.waitForURL(/\/tickets\?queue=open$/);
  await expect(page.getByTestId("signed-in-staff")).toHaveText(state.staff.agentA.name);
  await page.screenshot({ path: "e2e/screenshots/signed-in.png", fullPage: true });
});

test("a wrong password is refused with a message that does not say which part was wrong", async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(state.staff.agentB.email, "not-the-password");
  await login.expectError("Wrong email or password.");
  await login.signIn("nobody@example.com", "not-the-password");
  await login.expectError("Wrong email or password.");
  await expect(page).toHaveURL(/\/login/);
});

test("repeated failures lock the account with a clear message", async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  for (let i = 0; i < 4; i++) {
    await login.signIn("locked-out@example.com", `wrong-${i}`);
    await login.expectError("Wrong email or password.");
  }
  await login.signIn("locked-out@example.com", "wrong-5");
  await login.expectError(/Too many failed sign-in attempts\. Try again in 15 minutes\./);
});

test("sign out ends the session", async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto("/tickets");
  await login.signIn(state.staff.manager.email, state.password);
  await page.waitForURL(/\/tickets$/);
  await login.signOut();
  await page.goto("/tickets");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Ftickets$/);
  const api = await page.request.get("/api/staff/status");
  expect(api.status()).toBe(401);
});

test("scripts sign in with the csrf token and a cookie jar, then call the staff API", async ({ playwright }) => {
  const ctx = await playwright.request.newContext({ baseURL: state.baseURL });
  const { csrfToken } = await (await ctx.get("/api/auth/csrf")).json();
  const res = await ctx.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: state.staff.admin.email, password: state.password, json: "true" },
  });
  expect(res.status()).toBe(200);
  const status = await ctx.get("/api/staff/status");
  expect(status.status()).toBe(200);
  expect((await status.json()).data.services.length).toBeGreaterThan(0);
  // The same cookies on a request another site made the browser send are refused.
  const forged = await ctx.patch("/api/staff/me", { headers: { origin: "https://evil.example" }, data: { signature: "pwned" } });
  expect(forged.status()).toBe(403);
  const fetchMeta = await ctx.patch("/api/staff/me", { headers: { "sec-fetch-site": "cross-site" }, data: { signature: "pwned" } });
  expect(fetchMeta.status()).toBe(403);
  await ctx.dispose();
});
