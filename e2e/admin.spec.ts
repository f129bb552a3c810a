// The admin pages in a real browser: only admins get in; a key created in the panel opens a
// ticket through the external API; settings survive a reload; the outbox shows queued mail.
import { type Page, expect, test } from "@playwright/test";
import { AdminApiKeysPage } from "./pages/admin-api-keys-page";
import { AdminOutboxPage } from "./pages/admin-outbox-page";
import { AdminPage } from "./pages/admin-page";
import { AdminSettingsPage } from "./pages/admin-settings-page";
import { LoginPage } from "./pages/login-page";
import { readState } from "./state";

const state = readState();
type Who = keyof typeof state.staff;

async function signInAs(page: Page, who: Who, path: string) {
  const login = new LoginPage(page);
  await login.goto(path);
  await login.signIn(state.staff[who].email, state.password);
  await page.waitForURL((url) => url.pathname === path.split("?")[0]);
}

test("admin pages answer the not-found page to agents, and managers only reach canned responses", async ({ page }) => {
  await signInAs(page, "agentA", "/tickets");
  for (const path of ["/admin", "/admin/settings", "/admin/staff", "/admin/api-keys", "/admin/outbox", "/admin/canned"]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  }
  await page.screenshot({ path: "e2e/screenshots/admin-forbidden-agent.png", fullPage: true });
  await new LoginPage(page).signOut();

  await signInAs(page, "manager", "/admin/canned");
  await expect(page.getByRole("heading", { name: "Canned responses" })).toBeVisible();
  expect((await page.goto("/admin/settings"))?.status()).toBe(404);
  expect((await page.goto("/admin/departments"))?.status()).toBe(404);
});

test("an API key created in the panel opens a ticket with a curl-like request, and revoking it stops it", async ({ page, playwright }) => {
  await signInAs(page, "admin", "/admin/api-keys");
  const keys = new AdminApiKeysPage(page);
  const key = await keys.create("E2E website form", { rateLimit: "30" });
  expect(key).toMatch(/^hd_[\w-]{20,}$/);
  await page.screenshot({ path: "e2e/screenshots/admin-api-key-created.png" });
  await keys.closeSecret();
  await expect(keys.row("E2E website form")).toContainText("30/min");
  await expect(page.getByText(key)).toHaveCount(0);

  // What an integrator's script does: no cookies, only the header.
  const api = await playwright.request.newContext({ baseURL: state.baseURL });
  const res = await api.post("/api/tickets.json", {
    headers: { "X-API-Key": key, "content-type": "application/json" },
    data: { name: "Casey Client", email: "casey@example.net", subject: "Website form: cannot log in", message: "Password reset mail never arrives." },
  });
  expect(res.status()).toBe(201);
  expect((await res.text()).trim()).toMatch(/^\d{6,7}$/);

  // Last use is written in batches a few seconds apart.
  await expect
    .poll(
      async () => {
        await keys.goto();
        return keys.row("E2E website form").textContent();
      },
      { timeout: 20_000, intervals: [2_000] },
    )
    .not.toContain("Never");
  await keys.screenshot("admin-api-keys");
  await keys.revoke("E2E website form");
  await expect(keys.row("E2E website form")).toContainText("Revoked");
  const refused = await api.post("/api/tickets.json", {
    headers: { "X-API-Key": key, "content-type": "application/json" },
    data: { name: "Casey Client", email: "casey@example.net", subject: "Again", message: "Hello" },
  });
  expect(refused.status()).toBe(401);
  await api.dispose();
});

test("a settings change survives a reload and shows in the API", async ({ page }) => {
  await signInAs(page, "admin", "/admin/settings");
  const settings = new AdminSettingsPage(page);
  await settings.set({ "Auto-close after (days)": "12", "Ban list": "spam@bad.example\n@junk.example", "Reply separator": "## Reply above this line ##" });
  await settings.save();
  await page.reload();
  await settings.expectValue("Auto-close after (days)", "12");
  await settings.expectValue("Ban list", "spam@bad.example\n@junk.example");
  await settings.expectValue("Reply separator", "## Reply above this line ##");
  const api = await page.request.get("/api/staff/settings");
  expect((await api.json()).data).toMatchObject({ autoCloseDays: 12, banList: ["spam@bad.example", "@junk.example"] });

  // A bad value is refused next to its field and nothing is saved.
  await settings.set({ "Ban list": "not an entry" });
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Use an address (a@b.example) or a domain (@b.example)")).toBeVisible();
  await settings.screenshot("admin-settings-error");
  await page.reload();
  await settings.expectValue("Ban list", "spam@bad.example\n@junk.example");

  await settings.set({ "Auto-close after (days)": "7", "Ban list": "", "Reply separator": "-- reply above this line --" });
  await settings.save();
  await settings.screenshot("admin-settings");
});

test("the outbox shows the auto-response of a ticket opened through the API, with a preview", async ({ page, request }) => {
  const subject = `Outbox check ${Date.now()}`;
  const res = await request.post("/api/tickets.json", {
    headers: { "X-API-Key": state.apiKey },
    data: { name: "Olive Outbox", email: "olive@example.net", subject, message: "Please confirm you got this." },
  });
  expect(res.status()).toBe(201);
  const number = (await res.text()).trim();

  await signInAs(page, "admin", "/admin/outbox");
  const outbox = new AdminOutboxPage(page);
  const row = outbox.mailRow(`[#${number}] ${subject}`);
  await expect(row).toHaveCount(1);
  // No SMTP in the e2e run: kept, visible, unsent.
  await expect(row).toContainText("unsent");
  await expect(row).toContainText("olive@example.net");
  await outbox.screenshot("admin-outbox");
  const preview = await outbox.preview(`[#${number}] ${subject}`);
  await expect(preview).toContainText("SMTP not configured");
  await preview.getByRole("tab", { name: "Text" }).click();
  await expect(preview).toContainText(`ticket #${number}`);
  await page.screenshot({ path: "e2e/screenshots/admin-outbox-preview.png" });
  await page.keyboard.press("Escape");
  await outbox.filter("Sent");
  await expect(page.getByText("No sent mail")).toBeVisible();
});

test("departments, teams, topics, priorities and SLA plans are created and listed", async ({ page }) => {
  await signInAs(page, "admin", "/admin/sla");
  const sla = new AdminPage(page, "/admin/sla");
  await sla.openNew("New SLA plan");
  await sla.fill({ Name: "E2E Gold", "Grace period (hours)": "4" });
  await sla.submit("Create");
  await sla.expectFlash("SLA plan “E2E Gold” created");
  await expect(sla.row("E2E Gold")).toContainText("4 hours");
  await sla.screenshot("admin-sla");

  const depts = new AdminPage(page, "/admin/departments");
  await depts.goto();
  await depts.openNew("New department");
  await depts.fill({ Name: "E2E Projects", Manager: state.staff.manager.name, "SLA plan": "E2E Gold" });
  await depts.submit("Create");
  await depts.expectFlash("Department “E2E Projects” created");
  await expect(depts.row("E2E Projects")).toContainText(state.staff.manager.name);
  // A name already used is refused next to the field.
  await depts.openNew("New department");
  await depts.fill({ Name: "support" });
  await depts.submit("Create");
  await expect(depts.dialog.getByText("Already in use")).toBeVisible();
  await page.screenshot({ path: "e2e/screenshots/admin-department-dialog.png" });
  await page.keyboard.press("Escape");
  await depts.screenshot("admin-departments");

  const teams = new AdminPage(page, "/admin/teams");
  await teams.goto();
  await teams.openNew("New team");
  await teams.fill({ Name: "E2E Night shift", Lead: state.staff.agentA.name });
  await teams.submit("Create");
  await expect(teams.row("E2E Night shift")).toContainText(state.staff.agentA.name);
  await teams.screenshot("admin-teams");

  const topics = new AdminPage(page, "/admin/topics");
  await topics.goto();
  await topics.openNew("New help topic");
  await topics.fill({ Name: "E2E Outage", Department: "E2E Projects", Priority: "Emergency", "Documentation required": true });
  await topics.submit("Create");
  await expect(topics.row("E2E Outage")).toContainText("E2E Projects");
  await topics.screenshot("admin-topics");

  const priorities = new AdminPage(page, "/admin/priorities");
  await priorities.goto();
  await expect(priorities.row("Normal")).toContainText("Default");
  await priorities.screenshot("admin-priorities");

  const staff = new AdminPage(page, "/admin/staff");
  await staff.goto();
  await staff.openNew("New staff member");
  await staff.fill({ Name: "Erin E2E", Email: "erin.e2e@example.com" });
  await staff.dialog.getByRole("checkbox", { name: "E2E Projects" }).first().check();
  await staff.submit("Create");
  await expect(page.getByTestId("secret-value")).toHaveText(/^[\w-]{16}$/);
  await page.getByRole("button", { name: "Done" }).click();
  await expect(staff.row("Erin E2E")).toContainText("E2E Projects");
  await staff.screenshot("admin-staff");

  const canned = new AdminPage(page, "/admin/canned");
  await canned.goto();
  await canned.openNew("New canned response");
  await canned.fill({ Title: "E2E Thanks", Body: "Thanks %{user.firstname}, we are on it." });
  await canned.submit("Create");
  await expect(canned.row("E2E Thanks")).toContainText("Every department");
  await canned.screenshot("admin-canned");

  await page.goto("/admin");
  await page.screenshot({ path: "e2e/screenshots/admin-index.png", fullPage: true });
});
