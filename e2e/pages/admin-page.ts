// Page object shared by the admin pages (/admin/...): the table, the create/edit dialog, the
// confirmation dialog and the outcome message.
import { type Locator, type Page, expect } from "@playwright/test";

export class AdminPage {
  constructor(
    readonly page: Page,
    readonly path: string,
  ) {}

  async goto() {
    await this.page.goto(this.path);
    await expect(this.page.getByRole("heading", { level: 1 })).toBeVisible();
  }

  get heading(): Locator {
    return this.page.getByRole("heading", { level: 1 });
  }

  get dialog(): Locator {
    return this.page.locator("dialog[open]");
  }

  /** The table row whose first cell mentions the text. */
  row(text: string | RegExp): Locator {
    return this.page.getByRole("row").filter({ has: this.page.getByRole("cell").first().filter({ hasText: text }) });
  }

  async openNew(button: string | RegExp) {
    await this.page.getByRole("button", { name: button }).click();
    await expect(this.dialog).toBeVisible();
  }

  /** Fills fields of the open dialog by label: text for inputs, a label for selects, booleans for checkboxes. */
  async fill(values: Record<string, string | boolean>) {
    for (const [label, value] of Object.entries(values)) {
      const field = this.dialog.getByLabel(label, { exact: true });
      if (typeof value === "boolean") await field.setChecked(value);
      else if ((await field.evaluate((el) => el.tagName)) === "SELECT") await field.selectOption({ label: value });
      else await field.fill(value);
    }
  }

  async submit(label: string | RegExp) {
    await this.dialog.getByRole("button", { name: label }).click();
  }

  async expectFlash(text: string | RegExp) {
    await expect(this.page.getByTestId("flash")).toContainText(text);
  }

  async screenshot(name: string) {
    await this.page.screenshot({ path: `e2e/screenshots/${name}.png`, fullPage: true });
  }
}
