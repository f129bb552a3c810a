// Page object for /admin/settings.
import { type Page, expect } from "@playwright/test";
import { AdminPage } from "./admin-page";

export class AdminSettingsPage extends AdminPage {
  constructor(page: Page) {
    super(page, "/admin/settings");
  }

  field(label: string) {
    return this.page.getByLabel(label, { exact: true });
  }

  async set(values: Record<string, string | boolean>) {
    for (const [label, value] of Object.entries(values)) {
      const f = this.field(label);
      if (typeof value === "boolean") await f.setChecked(value);
      else if ((await f.evaluate((el) => el.tagName)) === "SELECT") await f.selectOption({ label: value });
      else await f.fill(value);
    }
  }

  async save() {
    await this.page.getByRole("button", { name: "Save settings" }).click();
    await this.expectFlash("Settings saved");
  }

  async expectValue(label: string, value: string) {
    await expect(this.field(label)).toHaveValue(value);
  }
}
