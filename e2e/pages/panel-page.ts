// The panel's frame on every page: global search box, service banners, signed-in member.
import { type Page, expect } from "@playwright/test";

export class PanelPage {
  constructor(readonly page: Page) {}

  async search(q: string) {
    const box = this.page.getByRole("searchbox", { name: "Search tickets" });
    await box.fill(q);
    await box.press("Enter");
  }

  banner(feature: "smtp" | "gemini" | "twilio" | "algolia") {
    return this.page.getByTestId(`banner-${feature}`);
  }

  async expectSignedIn(name: string) {
    await expect(this.page.getByTestId("signed-in-staff")).toHaveText(name);
  }
}
