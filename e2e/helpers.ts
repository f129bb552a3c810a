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

/**
 * Compressed JavaScript a browser downloads on the first load of `path`, signed in as `who`, in a
 * fresh context (empty HTTP cache, only the session cookie). `ready` waits for the page; late
 * chunks (loaded after hydration) get two more seconds.
 */
export async function firstLoadScripts(browser: Browser, who: Who, path: string, ready: (page: Page) => Promise<void>) {
  const signedIn = await browser.newContext({ baseURL: state.baseURL });
  await signInAs(await signedIn.newPage(), who);
  const storageState = await signedIn.storageState();
  await signedIn.close();

  const context = await browser.newContext({ baseURL: state.baseURL, storageState });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  const scripts = new Set<string>();
  let bytes = 0;
  cdp.on("Network.responseReceived", (e) => {
    if (e.type === "Script") scripts.add(e.requestId);
  });
  cdp.on("Network.loadingFinished", (e) => {
    if (scripts.has(e.requestId)) bytes += e.encodedDataLength;
  });
  await page.goto(path);
  await ready(page);
  await page.waitForTimeout(2_000);
  await context.close();
  return { scripts: scripts.size, bytes };
}
