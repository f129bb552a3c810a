// A deactivated staff member loses access at once, in the browser and in the API.
import { type APIRequestContext, expect, test } from "@playwright/test";
import { LoginPage } from "./pages/login-page";
import { readState } from "./state";

const state = readState();

async function adminApi(playwright: { request: { newContext(o: { baseURL: string }): Promise<APIRequestContext> } }) {
  const ctx = await playwright.request.newContext({ baseURL: state.baseURL });
  const { csrfToken } = await (await ctx.get("/api/auth/csrf")).json();
  await ctx.post("/api/auth/callback/credentials", { form: { csrfToken, email: state.staff.admin.email, password: state.password, json: "true" } });
  return ctx;
}

test("deactivating a signed-in agent ends their session on the next request", async ({ page, playwright }) => {
  const agent = state.staff.agentB;
  const login = new LoginPage(page);
  await login.goto("/tickets");
  await login.signIn(agent.email, state.password);
  await page.waitForURL(/\/tickets$/);
  expect((await page.request.get("/api/staff/me")).status()).toBe(200);

  const admin = await adminApi(playwright);
  const off = await admin.patch(`/api/staff/staff/${agent.id}`, { data: { isActive: false } });
  expect(off.status()).toBe(200);

  const me = await page.request.get("/api/staff/me");
  expect(me.status()).toBe(401);
  await page.goto("/tickets");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Ftickets$/);
  await login.signIn(agent.email, state.password);
  await login.expectError("Wrong email or password.");

  // Reactivated, the agent signs in again (other specs use this account).
  expect((await admin.patch(`/api/staff/staff/${agent.id}`, { data: { isActive: true } })).status()).toBe(200);
  await login.signIn(agent.email, state.password);
  await page.waitForURL(/\/tickets$/);
  await admin.dispose();
});
