// Page object for the queue editor (/tickets/queues/new, /tickets/queues/<id>/edit).
import { type Locator, type Page, expect } from "@playwright/test";

export class QueueEditorPage {
  constructor(readonly page: Page) {}

  async goto(id: string | number) {
    await this.page.goto(`/tickets/queues/${id}/edit`);
    await expect(this.page.getByRole("heading", { level: 1 })).toContainText("Edit");
  }

  get form(): Locator {
    return this.page.getByRole("form", { name: /Edit queue|New queue/ });
  }

  get locked(): Locator {
    return this.page.getByTestId("queue-locked");
  }

  async rename(name: string) {
    await this.form.getByLabel("Name", { exact: true }).fill(name);
  }

  async toggleCriterion(group: string, label: string) {
    await this.form.getByRole("group", { name: group }).getByLabel(label, { exact: true }).click();
  }

  async addColumn(label: string) {
    await this.form.getByRole("group", { name: "Columns" }).getByLabel(label, { exact: true }).check();
  }

  async save() {
    await this.form.getByRole("button", { name: /Save changes|Create queue/ }).click();
    await this.page.waitForURL(/\/tickets\?queue=/);
  }

  /** Deletes the queue through the confirmation dialog; returns what the dialog said. */
  async delete(): Promise<string> {
    await this.form.getByRole("button", { name: "Delete queue" }).click();
    const dialog = this.page.getByRole("dialog");
    const said = await dialog.innerText();
    await dialog.getByRole("button", { name: "Delete queue" }).click();
    await this.page.waitForURL((u) => u.pathname === "/tickets" && !u.searchParams.has("queue"));
    return said;
  }
}
