// Page object for /admin/api-keys.
import { type Page, expect } from "@playwright/test";
import { AdminPage } from "./admin-page";

export class AdminApiKeysPage extends AdminPage {
  constructor(page: Page) {
    super(page, "/admin/api-keys");
  }

  /** Creates a key and returns it as shown, once, in the dialog. */
  async create(name: string, opts: { rateLimit?: string; allowList?: string } = {}): Promise<string> {
    await this.openNew("New API key");
    await this.fill({ Name: name, ...(opts.rateLimit ? { "Rate limit (requests a minute)": opts.rateLimit } : {}), ...(opts.allowList ? { "IP allow-list": opts.allowList } : {}) });
    await this.submit("Create key");
    const secret = this.page.getByTestId("secret-value");
    await expect(secret).toBeVisible();
    const key = (await secret.textContent())!.trim();
    return key;
  }

  async closeSecret() {
    await this.dialog.getByRole("button", { name: "Done" }).click();
    await expect(this.dialog).toHaveCount(0);
  }

  async revoke(name: string) {
    await this.row(name).getByRole("button", { name: `Revoke ${name}` }).click();
    await this.dialog.getByRole("button", { name: "Revoke" }).click();
    await this.expectFlash(`API key “${name}” revoked`);
  }
}
