// Page objects for /tasks (filters, list) and /tasks/<id> (actions, notes).
import { type Locator, type Page, expect } from "@playwright/test";

export class TasksPage {
  constructor(readonly page: Page) {}

  async goto(query = "") {
    await this.page.goto(`/tasks${query}`);
    await expect(this.page.getByRole("heading", { level: 1, name: "Tasks" })).toBeVisible();
  }

  get table(): Locator {
    return this.page.getByRole("table", { name: "Tasks" });
  }

  async filter(f: { status?: string; assignee?: string; ticket?: string; q?: string }) {
    const form = this.page.getByRole("form", { name: "Filter tasks" });
    if (f.status) await form.getByLabel("Status").selectOption({ label: f.status });
    if (f.assignee) await form.getByLabel("Assignee").selectOption({ label: f.assignee });
    if (f.ticket !== undefined) await form.getByLabel("Ticket number").fill(f.ticket);
    if (f.q !== undefined) await form.getByLabel("Title contains").fill(f.q);
    await form.getByRole("button", { name: "Apply filters" }).click();
    await this.page.waitForURL(/\/tasks\?/);
  }

  /** "New task" → dialog → the new task's page; returns its id. */
  async create(t: { title: string; department?: string; assignee?: string }) {
    await this.page.getByRole("button", { name: "New task" }).click();
    const d = this.page.locator("dialog[open]");
    await d.getByLabel("Title").fill(t.title);
    if (t.department) await d.getByLabel("Department").selectOption({ label: t.department });
    if (t.assignee) {
      await expect(d.getByLabel("Assignee (optional)").locator("option", { hasText: t.assignee })).toBeAttached();
      await d.getByLabel("Assignee (optional)").selectOption({ label: t.assignee });
    }
    await d.getByRole("button", { name: "Create task" }).click();
    await this.page.waitForURL(/\/tasks\/\d+$/);
    return Number(new URL(this.page.url()).pathname.split("/").pop());
  }
}

export class TaskPage {
  constructor(readonly page: Page) {}

  async goto(id: number) {
    return (await this.page.goto(`/tasks/${id}`))?.status();
  }

  get status(): Locator {
    return this.page.getByTestId("task-status");
  }

  get assignee(): Locator {
    return this.page.getByTestId("task-assignee");
  }

  get flash(): Locator {
    return this.page.getByRole("toolbar", { name: "Task actions" }).getByTestId("flash");
  }

  action(name: string): Locator {
    return this.page.getByRole("toolbar", { name: "Task actions" }).getByRole("button", { name, exact: true });
  }

  /** Opens an action, optionally picks `option` in `field`, and submits with `submit`. */
  async act(action: string, submit: string, pick?: { field: string; option: string }) {
    await this.action(action).click();
    const d = this.page.locator("dialog[open]");
    if (pick) {
      await expect(d.getByLabel(pick.field).locator("option", { hasText: pick.option }).first()).toBeAttached();
      await d.getByLabel(pick.field).selectOption({ label: pick.option });
    }
    await d.getByRole("button", { name: submit, exact: true }).click();
    await expect(d).toHaveCount(0);
  }

  async note(text: string) {
    await this.page.getByLabel("Add a note").fill(text);
    await this.page.getByRole("button", { name: "Add note" }).click();
    await expect(this.page.getByTestId("task-note").filter({ hasText: text })).toBeVisible();
  }

  async screenshot(name: string) {
    await this.page.evaluate(() => window.scrollTo(0, 0));
    await this.page.screenshot({ path: `e2e/screenshots/${name}.png`, fullPage: true });
  }
}
