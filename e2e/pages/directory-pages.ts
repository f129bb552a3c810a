// Page objects for the directory: /users, /users/<id>, /orgs, /orgs/<id>.
import { type Locator, type Page, expect } from "@playwright/test";

async function shot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `e2e/screenshots/${name}.png`, fullPage: true });
}

export class UsersPage {
  constructor(readonly page: Page) {}

  async goto(q?: string) {
    await this.page.goto(q ? `/users?q=${encodeURIComponent(q)}` : "/users");
    await expect(this.page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
  }

  get table(): Locator {
    return this.page.getByRole("table", { name: "Users" });
  }

  async search(q: string) {
    await this.page.getByRole("searchbox", { name: "Search users" }).fill(q);
    await this.page.getByRole("search", { name: "Search users" }).getByRole("button", { name: "Search" }).click();
    await this.page.waitForURL((u) => u.searchParams.get("q") === q);
  }

  /** "New user" → fills the dialog → lands on the new user's page; returns its id. */
  async create(u: { name: string; email: string; phone?: string }) {
    await this.page.getByRole("button", { name: "New user" }).click();
    const dialog = this.page.locator("dialog[open]");
    await dialog.getByLabel("Name", { exact: true }).fill(u.name);
    await dialog.getByLabel("Email", { exact: true }).fill(u.email);
    if (u.phone) await dialog.getByLabel("Phone", { exact: true }).fill(u.phone);
    await dialog.getByRole("button", { name: "Add user" }).click();
    await this.page.waitForURL(/\/users\/\d+$/);
    return Number(new URL(this.page.url()).pathname.split("/").pop());
  }

  screenshot(name: string) {
    return shot(this.page, name);
  }
}

export class UserPage {
  constructor(readonly page: Page) {}

  async goto(id: number) {
    return (await this.page.goto(`/users/${id}`))?.status();
  }

  async expectLoaded(name: string) {
    await expect(this.page.getByRole("heading", { level: 1 })).toHaveText(name);
  }

  get details(): Locator {
    return this.page.getByLabel("User details");
  }

  get tickets(): Locator {
    return this.page.getByRole("region", { name: /Their tickets/ });
  }

  /** Tries to delete; returns the refusal box when the user still owns tickets. */
  async tryDelete() {
    await this.page.getByRole("button", { name: "Delete", exact: true }).click();
    await this.page.locator("dialog[open]").getByRole("button", { name: "Delete user" }).click();
    return this.page.getByTestId("delete-refused");
  }

  screenshot(name: string) {
    return shot(this.page, name);
  }
}

export class OrgsPage {
  constructor(readonly page: Page) {}

  async goto(q?: string) {
    await this.page.goto(q ? `/orgs?q=${encodeURIComponent(q)}` : "/orgs");
    await expect(this.page.getByRole("heading", { level: 1, name: "Organizations" })).toBeVisible();
  }

  get table(): Locator {
    return this.page.getByRole("table", { name: "Organizations" });
  }

  /** "New organization" → fills the dialog → lands on its page; returns its id. */
  async create(o: { name: string; domains: string[]; pm?: string; docsRequired?: boolean; harvest?: string; budget?: string; quoted?: string; notes?: string }) {
    await this.page.getByRole("button", { name: "New organization" }).click();
    const d = this.page.locator("dialog[open]");
    await d.getByLabel("Name", { exact: true }).fill(o.name);
    await d.getByLabel("Email domains").fill(o.domains.join("\n"));
    if (o.pm) await d.getByLabel("Account PM").selectOption({ label: o.pm });
    if (o.docsRequired) await d.getByLabel("Tickets need documentation").check();
    if (o.harvest) await d.getByLabel("Harvest project id").fill(o.harvest);
    if (o.budget) await d.getByLabel("Budget hours").fill(o.budget);
    if (o.quoted) await d.getByLabel("Quoted hours").fill(o.quoted);
    if (o.notes) await d.getByLabel("Notes").fill(o.notes);
    await d.getByRole("button", { name: "Add organization" }).click();
    await this.page.waitForURL(/\/orgs\/\d+$/);
    return Number(new URL(this.page.url()).pathname.split("/").pop());
  }

  screenshot(name: string) {
    return shot(this.page, name);
  }
}

export class OrgPage {
  constructor(readonly page: Page) {}

  async goto(id: number) {
    await this.page.goto(`/orgs/${id}`);
  }

  get details(): Locator {
    return this.page.getByLabel("Organization details");
  }

  get members(): Locator {
    return this.page.getByRole("table", { name: "Members" });
  }

  async edit(fields: Record<string, string>) {
    await this.page.getByRole("button", { name: "Edit", exact: true }).click();
    const d = this.page.locator("dialog[open]");
    for (const [label, value] of Object.entries(fields)) await d.getByLabel(label, { exact: true }).fill(value);
    await d.getByRole("button", { name: "Save" }).click();
    await expect(d).toHaveCount(0);
  }

  screenshot(name: string) {
    return shot(this.page, name);
  }
}
