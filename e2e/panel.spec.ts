// The panel's frame and its other pages: banners for unconfigured services, the search box
// (a number opens the ticket), my settings (time zone, signature, password), a new ticket on
// behalf of a user, and what the ticket page costs a browser to load.
import { expect, test } from "@playwright/test";
import { apiTicket, firstLoadScripts, signInAs, state } from "./helpers";
import { LoginPage } from "./pages/login-page";
import { NewTicketPage } from "./pages/new-ticket-page";
import { PanelPage } from "./pages/panel-page";
import { TicketPage } from "./pages/ticket-page";

test("banners name the services that are not configured; the search box opens a ticket by number", async ({ page, request }) => {
  const t = await apiTicket(request, { subject: "Search me by number" });
  await signInAs(page, "agentA");
  const panel = new PanelPage(page);
  await expect(panel.banner("smtp")).toContainText("Outbound email (SMTP) is not configured");
  await expect(panel.banner("algolia")).toBeVisible();
  await panel.search(t.number);
  await page.waitForURL(`**/tickets/${t.tid}`);
  await new TicketPage(page).expectLoaded("Search me by number");
  await panel.search("printer toner");
  await page.waitForURL(/\/search\?q=printer\+toner/);

  await page.goto("/tickets");
  await panel.banner("gemini").getByRole("button", { name: /Hide/ }).click();
  await expect(panel.banner("gemini")).toHaveCount(0);
  await page.reload();
  await expect(panel.banner("gemini")).toHaveCount(0);
  await expect(panel.banner("twilio")).toBeVisible();
});

test("my settings: the time zone changes how times are shown; the password can be changed", async ({ page }) => {
  await signInAs(page, "agentB", "/account");
  await page.getByLabel("Time zone").selectOption("Asia/Tokyo");
  await page.getByLabel("Signature").fill("Blair\nBilling team");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByTestId("profile-status")).toHaveText("Settings saved");
  await expect(page.getByRole("banner").getByRole("link", { name: /Blair Agent/ })).toContainText("Asia/Tokyo");
  await page.screenshot({ path: "e2e/screenshots/account.png", fullPage: true });

  const next = "a-new-password-456";
  for (const [from, to] of [[state.password, next], [next, state.password]]) {
    await page.getByLabel("Current password").fill(from);
    await page.getByLabel("New password", { exact: true }).fill(to);
    await page.getByLabel("Repeat the new password").fill(to);
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByTestId("password-status")).toContainText("Password changed");
  }
  await page.getByLabel("Current password").fill("wrong-password-000");
  await page.getByLabel("New password", { exact: true }).fill("whatever-password-1");
  await page.getByLabel("Repeat the new password").fill("whatever-password-1");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.locator("#currentPassword-error")).toBeVisible();
  await page.getByLabel("Time zone").selectOption("America/Chicago");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByTestId("profile-status")).toHaveText("Settings saved");
});

test("staff open a ticket on behalf of a new user", async ({ page }) => {
  await signInAs(page, "agentA", "/tickets/new");
  await page.screenshot({ path: "e2e/screenshots/ticket-new.png", fullPage: true });
  const form = new NewTicketPage(page);
  await form.open({ email: "phone.caller@example.org", name: "Pat Caller", subject: "Called about invoice copies", message: "Pat needs copies of the March invoices." });
  const view = new TicketPage(page);
  await view.expectLoaded("Called about invoice copies");
  await expect(view.entries.first()).toContainText("March invoices");
  await expect(page.getByRole("region", { name: "Requester and collaborators" })).toContainText("phone.caller@example.org");
});

test("unsigned visitors go to /login and come back to the ticket", async ({ page, request }) => {
  const t = await apiTicket(request, { subject: "Deep link after sign-in" });
  await page.goto(`/tickets/${t.tid}`);
  await page.waitForURL(/\/login\?callbackUrl=/);
  await new LoginPage(page).signIn(state.staff.agentA.email, state.password);
  await page.waitForURL(`**/tickets/${t.tid}`);
  await new TicketPage(page).expectLoaded("Deep link after sign-in");
});

test("first load of the ticket page: compressed JavaScript transferred", async ({ browser, request }) => {
  const t = await apiTicket(request, { subject: "Bundle size probe" });
  const { scripts, bytes } = await firstLoadScripts(browser, "agentA", `/tickets/${t.tid}`, (page) => new TicketPage(page).expectLoaded("Bundle size probe"));
  const kb = bytes / 1024;
  console.log(`ticket page first load: ${scripts} scripts, ${kb.toFixed(1)} KB of compressed JavaScript transferred`);
  test.info().annotations.push({ type: "js-bytes", description: `${Math.round(bytes)} bytes in ${scripts} scripts` });
  expect(scripts).toBeGreaterThan(0);
  expect(kb).toBeLessThanOrEqual(250);
});
