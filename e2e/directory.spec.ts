// The directory pages: users and organizations created through the panel show in the lists,
// the searches and their pages; a user's page lists only tickets the viewer may see; deleting a
// user who owns tickets is refused with the reason; a ticket opened from the user's page.
import { expect, test } from "@playwright/test";
import { apiTicket, signInAs, state } from "./helpers";
import { OrgPage, OrgsPage, UserPage, UsersPage } from "./pages/directory-pages";
import { NewTicketPage } from "./pages/new-ticket-page";
import { TicketPage } from "./pages/ticket-page";

const uniq = () => Math.random().toString(36).slice(2, 8);

test("an agent adds a user; the list, the search and the user's page show them, with only the tickets the agent may see", async ({ page, browser, request }) => {
  const tag = uniq();
  const email = `quinn.${tag}@example.org`;
  await signInAs(page, "agentA", "/users");
  const users = new UsersPage(page);
  await expect(page.getByRole("link", { name: "Users", exact: true })).toHaveAttribute("aria-current", "page");
  const id = await users.create({ name: `Quinn Quick ${tag}`, email, phone: "+1 555 0101" });
  const user = new UserPage(page);
  await user.expectLoaded(`Quinn Quick ${tag}`);
  await expect(user.details).toContainText("+1 555 0101");
  await expect(page.getByRole("link", { name: "Users", exact: true })).toHaveAttribute("aria-current", "page");

  await users.goto();
  await expect(users.table.getByRole("link", { name: `Quinn Quick ${tag}` })).toBeVisible();
  await users.screenshot("users-list");
  await users.search(`quinn.${tag}`);
  await expect(users.table.getByRole("row")).toHaveCount(2);
  await expect(users.table).toContainText(email);

  // One ticket in Support (agentA's department) by mail, one in Billing opened by agentB.
  const support = await apiTicket(request, { email, name: `Quinn Quick ${tag}`, subject: `Support question ${tag}` });
  const b = await browser.newContext({ baseURL: state.baseURL });
  const billingPage = await b.newPage();
  await signInAs(billingPage, "agentB", "/tickets/new");
  await new NewTicketPage(billingPage).open({ email, subject: `Billing question ${tag}`, message: "Invoice copy, please." });
  await b.close();

  await user.goto(id);
  await expect(user.tickets.getByRole("link", { name: support.subject })).toBeVisible();
  await expect(user.tickets).not.toContainText(`Billing question ${tag}`);
  await expect(user.tickets.getByRole("heading")).toContainText("(1)");
  await user.screenshot("user-page");
  await page.setViewportSize({ width: 820, height: 1180 });
  await user.screenshot("user-page-tablet");
  await page.setViewportSize({ width: 1280, height: 720 });

  // A manager of both departments sees both, and cannot delete a user who owns tickets.
  const m = await browser.newContext({ baseURL: state.baseURL });
  const mp = await m.newPage();
  await signInAs(mp, "manager", `/users/${id}`);
  const asManager = new UserPage(mp);
  await expect(asManager.tickets.getByRole("heading")).toContainText("(2)");
  const refused = await asManager.tryDelete();
  await expect(refused).toContainText("still owns 2 tickets");
  await expect(refused).toContainText("Make someone else the requester");
  await asManager.screenshot("user-delete-refused");
  await m.close();
});

test("a ticket is opened from a user's page, and /tickets/new finds users by type-ahead", async ({ page, request }) => {
  const tag = uniq();
  const email = `riley.${tag}@example.org`;
  await apiTicket(request, { email, name: `Riley Rowe ${tag}`, subject: `First contact ${tag}` });
  await signInAs(page, "agentA", "/tickets/new");
  const finder = page.getByRole("combobox", { name: "Find a user" });
  await finder.fill(`riley.${tag}`);
  await expect(page.getByRole("option", { name: new RegExp(email) })).toBeVisible();
  await page.screenshot({ path: "e2e/screenshots/ticket-new-typeahead.png", fullPage: true });
  await page.getByRole("option", { name: new RegExp(email) }).click();
  await expect(page.getByTestId("picked-user")).toContainText(`Riley Rowe ${tag}`);
  await expect(page.getByLabel("Email", { exact: true })).toHaveValue(email);

  // From the user's page: the form comes with the user chosen.
  const users = new UsersPage(page);
  await users.goto(`riley.${tag}`);
  await users.table.getByRole("link", { name: `Riley Rowe ${tag}` }).click();
  await page.getByRole("link", { name: "New ticket for this user" }).click();
  await expect(page.getByTestId("picked-user")).toContainText(email);
  await page.getByLabel("Subject", { exact: true }).fill(`Follow-up call ${tag}`);
  await page.getByLabel("Message", { exact: true }).fill("Called back about the first contact.");
  await page.getByRole("button", { name: "Open ticket" }).click();
  await page.waitForURL(/\/tickets\/\d+$/);
  await new TicketPage(page).expectLoaded(`Follow-up call ${tag}`);
  await expect(new TicketPage(page).people).toContainText(email);
});

test("a manager adds an organization; it shows in the list and its page; a user of its domain joins it", async ({ page }) => {
  const tag = uniq();
  const name = `Quill Works ${tag}`;
  const domain = `quill-${tag}.example`;
  await signInAs(page, "manager", "/orgs");
  const orgs = new OrgsPage(page);
  const id = await orgs.create({ name, domains: [domain], pm: state.staff.manager.name, docsRequired: true, harvest: `HV-${tag}`, budget: "120", quoted: "80.5", notes: "Key account." });
  const org = new OrgPage(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(org.details).toContainText(state.staff.manager.name);
  await expect(org.details).toContainText(`HV-${tag}`);
  await expect(org.details).toContainText("120 h / 80.5 h");
  await expect(org.details).toContainText("Required");
  await expect(page.getByRole("link", { name: "Organizations", exact: true })).toHaveAttribute("aria-current", "page");

  await org.edit({ "Quoted hours": "90" });
  await expect(org.details).toContainText("120 h / 90 h");

  await orgs.goto();
  await expect(orgs.table.getByRole("link", { name })).toBeVisible();
  await orgs.screenshot("orgs-list");
  await orgs.goto(domain);
  await expect(orgs.table.getByRole("row")).toHaveCount(2);

  // A new user with an address of the domain joins the organization by themselves.
  const users = new UsersPage(page);
  await users.goto();
  await users.create({ name: `Ada Quill ${tag}`, email: `ada@${domain}` });
  await expect(new UserPage(page).details.getByRole("link", { name })).toBeVisible();
  await org.goto(id);
  await expect(org.members.getByRole("link", { name: `Ada Quill ${tag}` })).toBeVisible();
  await org.screenshot("org-page");
});

test("agents do not get the organization editor", async ({ page }) => {
  await signInAs(page, "agentB", "/orgs");
  await expect(page.getByRole("button", { name: "New organization" })).toHaveCount(0);
});
