// Page object for /tickets/new.
import { type Page, expect } from "@playwright/test";

export class NewTicketPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto("/tickets/new");
    await expect(this.page.getByRole("heading", { name: "New ticket" })).toBeVisible();
  }

  async open(t: { email: string; name?: string; subject: string; message: string; department?: string }) {
    await this.page.getByLabel("Email", { exact: true }).fill(t.email);
    if (t.name) await this.page.getByLabel("Name", { exact: true }).fill(t.name);
    await this.page.getByLabel("Subject", { exact: true }).fill(t.subject);
    await this.page.getByLabel("Message", { exact: true }).fill(t.message);
    if (t.department) await this.page.getByLabel("Department", { exact: true }).selectOption({ label: t.department });
    await this.page.getByRole("button", { name: "Open ticket" }).click();
    await this.page.waitForURL(/\/tickets\/\d+$/);
  }
}
