// Page object for the queue view (/tickets?queue=<id>), its sidebar queues, filters, paging,
// selection and mass actions, and the CSV export.
import fs from "node:fs";
import { type Locator, type Page, expect } from "@playwright/test";
import { parse } from "csv-parse/sync";

export class QueuePage {
  constructor(readonly page: Page) {}

  async goto(queue?: string | number, query = "") {
    const qs = new URLSearchParams(query);
    if (queue !== undefined) qs.set("queue", String(queue));
    await this.page.goto(`/tickets${qs.size ? `?${qs}` : ""}`);
    await this.expectLoaded();
  }

  async expectLoaded() {
    await expect(this.page.getByTestId("list-total").or(this.page.getByText("No tickets here")).first()).toBeVisible();
  }

  get heading(): Locator {
    return this.page.getByRole("heading", { level: 1 });
  }

  get table(): Locator {
    return this.page.getByRole("table", { name: /tickets$|Search results/ });
  }

  get rows(): Locator {
    return this.page.getByTestId("ticket-row");
  }

  row(number: string): Locator {
    return this.page.locator(`[data-testid="ticket-row"][data-number="${number}"]`);
  }

  /** The ticket numbers on screen, top to bottom. */
  async numbers(): Promise<string[]> {
    return this.rows.evaluateAll((rows) => rows.map((r) => r.getAttribute("data-number") ?? ""));
  }

  async subjects(): Promise<string[]> {
    return this.rows.evaluateAll((rows) => rows.map((r) => r.querySelector("[data-row-link]")?.textContent ?? ""));
  }

  get total(): Locator {
    return this.page.getByTestId("list-total");
  }

  sidebarQueue(id: string | number): Locator {
    return this.page.getByTestId(`queue-link-${id}`);
  }

  /** The count the sidebar shows for a queue. */
  async sidebarCount(id: string | number): Promise<number> {
    const badge = this.sidebarQueue(id).getByTestId("queue-count");
    await expect(badge).toHaveAttribute("data-count", /\d+/);
    return Number(await badge.getAttribute("data-count"));
  }

  async sortBy(column: string) {
    await this.table.getByRole("button", { name: column, exact: true }).click();
  }

  columnHeader(column: string): Locator {
    return this.table.getByRole("columnheader", { name: column });
  }

  async filter(label: string, option: string) {
    await this.page.getByRole("search", { name: "Filter tickets" }).getByLabel(label, { exact: true }).selectOption({ label: option });
  }

  async filterText(text: string) {
    const box = this.page.getByRole("search", { name: "Filter tickets" }).getByLabel("Text", { exact: true });
    await box.fill(text);
    await box.press("Enter");
  }

  get range(): Locator {
    return this.page.getByTestId("page-range");
  }

  async next() {
    await this.page.getByRole("navigation", { name: "Pages" }).getByRole("button", { name: /Next/ }).click();
  }

  async previous() {
    await this.page.getByRole("navigation", { name: "Pages" }).getByRole("button", { name: /Previous/ }).click();
  }

  async select(number: string) {
    await this.page.getByRole("checkbox", { name: `Select #${number}` }).check();
  }

  get massToolbar(): Locator {
    return this.page.getByRole("toolbar", { name: "Mass actions" });
  }

  /** Runs a mass action on the selection; `value` is the status, assignee or department label. */
  async massAction(action: string, value?: { label: string; field: string }) {
    await this.massToolbar.getByLabel("Action").selectOption({ label: action });
    if (value) await this.massToolbar.getByLabel(value.field).selectOption({ label: value.label });
    await this.massToolbar.getByRole("button", { name: "Apply" }).click();
  }

  get results(): Locator {
    return this.page.getByTestId("mass-results");
  }

  /** Clicks "Export CSV" (or "Export selected") and parses the download. */
  async exportCsv(which: "Export CSV" | "Export selected" = "Export CSV"): Promise<{ name: string; rows: Record<string, string>[] }> {
    const [download] = await Promise.all([this.page.waitForEvent("download"), this.page.getByRole("link", { name: which }).click()]);
    const file = await download.path();
    const text = fs.readFileSync(file, "utf8").replace(/^\uFEFF/, "");
    return { name: download.suggestedFilename(), rows: parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[] };
  }

  async screenshot(name: string) {
    await this.page.screenshot({ path: `e2e/screenshots/${name}.png`, fullPage: true });
  }
}
