// Page object for /admin/outbox.
import { type Page, expect } from "@playwright/test";
import { AdminPage } from "./admin-page";

export class AdminOutboxPage extends AdminPage {
  constructor(page: Page) {
    super(page, "/admin/outbox");
  }

  mailRow(subject: string | RegExp) {
    return this.page.getByRole("row").filter({ hasText: subject });
  }

  async filter(status: string) {
    await this.page.getByRole("navigation", { name: "Filter by status" }).getByRole("link", { name: new RegExp(`^${status}\\b`, "i") }).click();
    await expect(this.page).toHaveURL(new RegExp(status === "All" ? "/admin/outbox$" : `status=${status.toLowerCase()}`));
  }

  async preview(subject: string | RegExp) {
    await this.mailRow(subject).first().getByRole("button", { name: /^Preview/ }).click();
    const preview = this.page.getByTestId("mail-preview");
    await expect(preview).toBeVisible();
    return preview;
  }
}
