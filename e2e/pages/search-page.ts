// Page object for /search: the criteria form, its results (the queue view's table) and
// "Save as queue".
import { type Locator, type Page, expect } from "@playwright/test";

export class SearchPage {
  constructor(readonly page: Page) {}

  async goto(query = "") {
    await this.page.goto(`/search${query ? `?${query}` : ""}`);
    await expect(this.page.getByRole("heading", { name: "Advanced search" })).toBeVisible();
  }

  get form(): Locator {
    return this.page.getByRole("form", { name: "Advanced search" });
  }

  async search(fields: { text?: string; status?: string[]; department?: string[] } = {}) {
    if (fields.text !== undefined) await this.form.getByLabel("Text", { exact: true }).fill(fields.text);
    for (const s of fields.status ?? []) await this.form.getByRole("group", { name: "Status" }).getByLabel(s, { exact: true }).check();
    for (const d of fields.department ?? []) await this.form.getByRole("group", { name: "Department" }).getByLabel(d, { exact: true }).check();
    await this.form.getByRole("button", { name: "Search", exact: true }).click();
  }

  async saveAsQueue(name: string, opts: { shared?: boolean } = {}) {
    await this.page.getByRole("button", { name: "Save as queue" }).click();
    const dialog = this.page.getByRole("dialog", { name: "Save as queue" });
    await dialog.getByLabel("Name").fill(name);
    if (opts.shared) await dialog.getByLabel(/Shared with all staff/).check();
    await dialog.getByRole("button", { name: "Save queue" }).click();
    await expect(this.page.getByTestId("queue-saved")).toContainText(name);
  }
}
