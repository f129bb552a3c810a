// Shared steps of the panel specs: signing in as one of the seeded staff and opening tickets
// through the external API, as an integrator would.
import { type APIRequestContext, type Browser, type Page, expect } from "@playwright/test";
import { LoginPage } from "./pages/login-page";
import { readState } from "./state";

export const state = readState();
export type Who = keyof typeof state.staff;

export async function signInAs(page: Page, who: Who, path = "/tickets") {
  const login = new LoginPage(page);
  await login.goto(path);
  await login.signIn(state.staff[who].email, state.password);
  await page.waitForURL((url) => url.pathname === path.split("?")[0]);
}

/** A page of its own (own cookies) signed in as `who`. */
export async function pageAs(browser: Browser, who: Who, path = "/tickets") {
  const context = await browser.newContext({ baseURL: state.baseURL });
  const page = await context.newPage();
  await signInAs(page, who, path);
  return page;
}

let n = 0;
export async function apiTicket(request: APIRequestContext, fields: { subject?: string; message?: string; email?: string; name?: string; topicId?: number } = {}) {
  const subject = fields.subject ?? `E2E ticket ${Date.now()}-${++n}`;
  const res = await request.post("/api/tickets.json", {
    headers: { "X-API-Key": state.apiKey, accept: "application/json" },
    data: { name: fields.name ?? "Casey Client", email: fields.email ?? "casey@example.net", subject, message: fields.message ?? "It does not work.", topicId: fields.topicId },
  });
  expect(res.status(), await res.text()).toBe(201);
  const { data } = (await res.json()) as { data: { tid: number; number: string } };
  return { tid: data.tid, number: data.number, subject };
}
