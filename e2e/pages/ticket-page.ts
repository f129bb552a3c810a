// Page object for /tickets/<tid>: header facts, thread, composer, actions and their dialogs.
import { type Locator, type Page, expect } from "@playwright/test";

export class TicketPage {
  constructor(readonly page: Page) {}

  async goto(tid: number) {
    const res = await this.page.goto(`/tickets/${tid}`);
    return res?.status();
  }

  async expectLoaded(subject: string | RegExp) {
    await expect(this.page.getByRole("heading", { level: 1 })).toHaveText(subject);
  }

  get status(): Locator {
    return this.page.getByTestId("ticket-status");
  }

  get assignee(): Locator {
    return this.page.getByTestId("ticket-assignee");
  }

  get entries(): Locator {
    return this.page.getByTestId("thread-entry");
  }

  entriesOf(type: "message" | "response" | "note"): Locator {
    return this.page.locator(`[data-testid="thread-entry"][data-entry-type="${type}"]`);
  }

  get flash(): Locator {
    return this.page.getByTestId("flash");
  }

  get dialog(): Locator {
    return this.page.locator("dialog[open]");
  }

  async expectFlash(text: string | RegExp) {
    await expect(this.flash).toContainText(text);
  }

  action(name: string | RegExp): Locator {
    return this.page.getByRole("toolbar", { name: "Ticket actions" }).getByRole("button", { name, exact: typeof name === "string" });
  }

  async reply(text: string, opts: { status?: string } = {}) {
    await this.page.getByRole("tab", { name: "Reply" }).click();
    await this.page.getByRole("textbox", { name: "Reply" }).fill(text);
    if (opts.status) await this.page.locator("#reply-status").selectOption({ label: opts.status });
    await this.page.getByRole("button", { name: "Send reply" }).click();
  }

  async note(text: string) {
    await this.page.getByRole("tab", { name: "Internal note" }).click();
    await this.page.getByRole("textbox", { name: "Internal note" }).fill(text);
    await this.page.getByRole("button", { name: "Add note" }).click();
  }

  /** Opens an action's dialog, picks `option` in the select labelled `field`, and submits. */
  async pickAndSubmit(action: string, field: string, option: string | RegExp, submit: string) {
    await this.action(action).click();
    await expect(this.dialog).toBeVisible();
    const select = this.dialog.getByLabel(field, { exact: true });
    await expect(select.locator("option", { hasText: option }).first()).toBeAttached();
    const value = await select.locator("option", { hasText: option }).first().getAttribute("value");
    await select.selectOption(value!);
    await this.dialog.getByRole("button", { name: submit, exact: true }).click();
    await expect(this.dialog).toHaveCount(0);
  }

  async assign(name: string) {
    await this.pickAndSubmit("Assign", "Assignee", name, "Assign");
  }

  async transfer(dept: string) {
    await this.pickAndSubmit("Transfer", "Department", dept, "Transfer");
  }

  async refer(target: string) {
    await this.pickAndSubmit("Refer", "Refer to", target, "Refer");
  }

  /** Finds the other ticket by number, checks the preview shows its subject, merges it into this one. */
  async mergeIn(number: string, subject: string) {
    await this.action("Merge").click();
    await this.dialog.getByLabel("Other ticket number").fill(number);
    await this.dialog.getByRole("button", { name: "Find" }).click();
    await expect(this.dialog.getByTestId("merge-preview")).toContainText(subject);
    await this.screenshot("ticket-merge-preview");
    await this.dialog.getByRole("button", { name: "Merge tickets" }).click();
    await expect(this.dialog).toHaveCount(0);
  }

  get people(): Locator {
    return this.page.getByRole("region", { name: "Requester and collaborators" });
  }

  /** Types `query` into a user picker of the people box and picks the option naming `name`. */
  async pickUser(picker: string, query: string, name: string) {
    const box = this.people.getByRole("combobox", { name: picker });
    await box.fill(query);
    await this.page.getByRole("option", { name: new RegExp(name) }).click();
  }

  async addCollaborator(query: string, name: string) {
    await this.pickUser("Add a collaborator", query, name);
    await this.expectFlash(`${name} added as collaborator`);
  }

  async changeRequester(query: string, name: string) {
    await this.people.getByRole("button", { name: "Change" }).click();
    await this.pickUser("New requester", query, name);
    await this.expectFlash(`${name} is now the requester`);
  }

  get tasks(): Locator {
    return this.page.getByRole("region", { name: /^Tasks/ });
  }

  async newTask(title: string) {
    await this.tasks.getByRole("button", { name: "New task" }).click();
    await this.dialog.getByLabel("Title").fill(title);
    await this.dialog.getByRole("button", { name: "Create task" }).click();
    await this.expectFlash(`Task “${title}” created`);
  }

  async screenshot(name: string) {
    // From the top: the sticky sidebar would otherwise be drawn at the scroll offset.
    await this.page.evaluate(() => window.scrollTo(0, 0));
    await this.page.screenshot({ path: `e2e/screenshots/${name}.png`, fullPage: true });
  }
}
