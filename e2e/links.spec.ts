// Addresses people type, keep or tamper with: a page link whose cursor is garbage or stale says
// so (and links to the first page) instead of failing; a user, organization, task or queue
// that is not there answers a real 404 status with the not-found page (one main landmark).
import { expect, test } from "@playwright/test";
import { pageAs, signInAs } from "./helpers";

test("a bad or stale cursor in a list link says the link is out of date and leads to the first page", async ({ page, browser }) => {
  await signInAs(page, "agentA", "/users");
  for (const [path, heading] of [
    ["/users?cursor=garbage", "Users"],
    ["/orgs?cursor=garbage", "Organizations"],
    ["/tasks?cursor=garbage&status=all", "Tasks"],
  ] as const) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    const alert = page.getByRole("main").getByRole("alert");
    await expect(alert, path).toContainText("This page link is out of date");
    await expect(alert).not.toContainText("Something went wrong");
    await alert.getByRole("link").click();
    await page.waitForURL((u) => !u.searchParams.has("cursor"));
    await expect(page.getByRole("main").getByRole("alert")).toHaveCount(0);
  }
  // The task filters are kept; only the cursor goes.
  expect(new URL(page.url()).searchParams.get("status")).toBe("all");

  // An organization's members: a stale members link shows the first page of members.
  const manager = await pageAs(browser, "manager", "/orgs");
  const created = await manager.request.post("/api/staff/orgs", { data: { name: `Cursor Co ${Date.now().toString(36)}` } });
  expect(created.status(), await created.text()).toBe(201);
  const { data: org } = (await created.json()) as { data: { id: number } };
  await manager.context().close();
  const res = await page.goto(`/orgs/${org.id}?members=garbage`);
  expect(res?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: /^Members/ })).toBeVisible();
  await expect(page.getByText("Something went wrong")).toHaveCount(0);
});

test("missing users, organizations, tasks and queues answer 404 with the not-found page", async ({ page, browser }) => {
  const other = await pageAs(browser, "agentB");
  const made = await other.request.post("/api/staff/queues", { data: { name: `Blair's own ${Date.now().toString(36)}`, criteria: { status: "open" } } });
  expect(made.status(), await made.text()).toBe(201);
  const { data: personal } = (await made.json()) as { data: { id: number } };
  await other.context().close();

  await signInAs(page, "agentA");
  const cases: [string, string][] = [
    ["/users/99999", "There is no such user"],
    ["/users/abc", "There is no such user"],
    ["/orgs/abc", "There is no such organization"],
    ["/orgs/99999", "There is no such organization"],
    ["/tasks/99999", "There is no such task"],
    ["/tickets?queue=nope", "There is no such queue"],
    ["/tickets?queue=-1", "There is no such queue"],
    [`/tickets?queue=${personal.id}`, "There is no such queue"],
    ["/no-such-page", "does not exist"],
  ];
  for (const [path, says] of cases) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" }), path).toBeVisible();
    await expect(page.getByRole("main"), path).toContainText(says);
    await expect(page.locator("main"), path).toHaveCount(1);
  }
  await page.screenshot({ path: "e2e/screenshots/queue-not-found.png", fullPage: true });

  // The queue page still streams its loading state first (the queue is looked up before it),
  // then the list replaces it.
  const html = await (await page.request.get("/tickets?queue=open")).text();
  expect(html).toMatch(/<div role="status"[^>]*>(<span[^>]*><\/span>)?Loading tickets…<\/div>/);
  const ok = await page.goto("/tickets?queue=open");
  expect(ok?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "Open" })).toBeVisible();
  await expect(page.getByText("Loading tickets…")).toHaveCount(0);
});
