// Tasks in the browser: created from a ticket, closing the ticket is refused while the task is
// open (and offered with the tasks), the task list's filters, a task's actions and notes; the
// ticket view's people box finds users by search; drafts live on the server.
import { expect, test } from "@playwright/test";
import { apiTicket, signInAs, state } from "./helpers";
import { TaskPage, TasksPage } from "./pages/tasks-page";
import { TicketPage } from "./pages/ticket-page";

const uniq = () => Math.random().toString(36).slice(2, 8);

test("a task created from a ticket blocks closing it until 'close tasks too'", async ({ page, request }) => {
  const t = await apiTicket(request, { subject: "Laptop replacement" });
  await signInAs(page, "agentA", `/tickets/${t.tid}`);
  const view = new TicketPage(page);
  await view.newTask("Order the laptop");
  await expect(view.tasks.getByRole("link", { name: "Order the laptop" })).toBeVisible();
  await expect(view.tasks).toContainText("1 open");
  await view.screenshot("ticket-with-task");

  await view.action("Close").click();
  const notice = page.getByTestId("open-tasks-notice");
  await expect(notice).toContainText("Order the laptop");
  await expect(page.getByTestId("change-notice")).toHaveCount(0);
  await view.screenshot("ticket-open-tasks-refused");
  await notice.getByRole("button", { name: "Close the task too" }).click();
  await view.expectFlash("Status set to Closed; 1 task closed");
  await expect(view.status).toHaveText("Closed");
  await expect(view.tasks).toContainText("0 open");

  await view.tasks.getByRole("link", { name: "Order the laptop" }).click();
  await expect(new TaskPage(page).status).toHaveText("Closed");
  await expect(page.getByTestId("task-events")).toContainText(`closed it with ticket #${t.number}`);
});

test("a reply that would close a ticket with open tasks offers to close them", async ({ page, request }) => {
  const t = await apiTicket(request, { subject: "Badge for the new hire" });
  await signInAs(page, "agentA", `/tickets/${t.tid}`);
  const view = new TicketPage(page);
  await view.newTask("Print the badge");
  await view.reply("Your badge is ready at the front desk.", { status: "Closed" });
  const notice = page.getByTestId("open-tasks-notice");
  await expect(notice).toContainText("Print the badge");
  await notice.getByRole("button", { name: "Send and close the task" }).click();
  await view.expectFlash(/Reply saved; the mail to .* waits in the outbox/);
  await expect(view.status).toHaveText("Closed");
});

test("the task list filters by assignee and ticket; a task is assigned, noted, closed and reopened", async ({ page, request }) => {
  const tag = uniq();
  const t = await apiTicket(request, { subject: `Printer toner ${tag}` });
  await signInAs(page, "agentA", "/tasks");
  const list = new TasksPage(page);
  await expect(page.getByRole("link", { name: "Tasks", exact: true })).toHaveAttribute("aria-current", "page");
  const mine = await list.create({ title: `Call the vendor ${tag}`, department: "Support", assignee: state.staff.agentA.name });
  const task = new TaskPage(page);
  await expect(task.assignee).toHaveText(state.staff.agentA.name);

  await page.goto(`/tickets/${t.tid}`);
  await new TicketPage(page).newTask(`Unassigned chore ${tag}`);

  await list.goto();
  await list.filter({ assignee: "Me", q: tag });
  await expect(list.table.getByRole("link", { name: `Call the vendor ${tag}` })).toBeVisible();
  await expect(list.table).not.toContainText(`Unassigned chore ${tag}`);
  await list.filter({ assignee: "Nobody (unassigned)", q: tag });
  await expect(list.table.getByRole("link", { name: `Unassigned chore ${tag}` })).toBeVisible();
  await expect(list.table).not.toContainText(`Call the vendor ${tag}`);
  await list.goto();
  await list.filter({ assignee: "Anyone", ticket: t.number, q: "" });
  await expect(list.table.getByRole("row")).toHaveCount(2);
  await list.goto(`?q=${tag}&status=all`);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: "e2e/screenshots/tasks-list.png", fullPage: true });
  await page.setViewportSize({ width: 820, height: 1180 });
  await page.screenshot({ path: "e2e/screenshots/tasks-list-tablet.png", fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });

  await task.goto(mine);
  await task.note("Vendor says Tuesday.");
  await task.act("Assign", "Assign", { field: "Assignee", option: "Nobody (unassign)" });
  await expect(task.assignee).toHaveText("Unassigned");
  await task.act("Close", "Close task");
  await expect(task.status).toHaveText("Closed");
  await task.act("Reopen", "Reopen task");
  await expect(task.status).toHaveText("Open");
  await expect(page.getByTestId("task-events")).toContainText("reopened it");
  await task.screenshot("task-page");
  await task.goto(999_999);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});

test("collaborators are added and the requester changed by searching users", async ({ page, request }) => {
  const tag = uniq();
  await apiTicket(request, { email: `sam.${tag}@example.org`, name: `Sam Second ${tag}`, subject: "Seed user one" });
  await apiTicket(request, { email: `toni.${tag}@example.org`, name: `Toni Third ${tag}`, subject: "Seed user two" });
  const t = await apiTicket(request, { subject: "Shared mailbox access" });
  await signInAs(page, "agentA", `/tickets/${t.tid}`);
  const view = new TicketPage(page);
  await view.people.getByRole("combobox", { name: "Add a collaborator" }).fill(`Sam Second ${tag}`);
  await expect(page.getByRole("option", { name: new RegExp(`sam.${tag}`) })).toBeVisible();
  await view.screenshot("ticket-collaborator-search");
  await page.getByRole("option", { name: new RegExp(`sam.${tag}`) }).click();
  await view.expectFlash(`Sam Second ${tag} added as collaborator`);
  await expect(view.people.getByRole("list", { name: "Collaborators" })).toContainText(`sam.${tag}@example.org`);

  await view.changeRequester(`toni.${tag}`, `Toni Third ${tag}`);
  await expect(view.people).toContainText(`toni.${tag}@example.org · requester`);
});

test("a draft is kept on the server across a reload, kept locally when saving fails, and gone once sent", async ({ page, request }) => {
  const t = await apiTicket(request, { subject: "Draft autosave" });
  await signInAs(page, "agentA", `/tickets/${t.tid}`);
  const view = new TicketPage(page);
  const reply = page.getByRole("textbox", { name: "Reply" });
  await reply.fill("Half-written answer about the VPN");
  await expect(page.getByTestId("reply-draft-state")).toHaveText("Draft saved");
  // Only the server has it now: the local copy is dropped once the save is confirmed.
  expect(await page.evaluate((k) => localStorage.getItem(k), `helpdesk.draft.ticket.reply.${t.tid}`)).toBeNull();
  await page.reload();
  await expect(reply).toHaveValue("Half-written answer about the VPN");

  // The server refuses the save: nothing typed is lost.
  await page.route("**/api/staff/draft", (route) => (route.request().method() === "POST" ? route.fulfill({ status: 503, body: "{}" }) : route.fallback()));
  await page.getByRole("tab", { name: "Internal note" }).click();
  const note = page.getByRole("textbox", { name: "Internal note" });
  await note.fill("Note typed while the server was down");
  await expect(page.getByTestId("note-draft-state")).toContainText("on this device only");
  await page.unroute("**/api/staff/draft");
  await page.reload();
  await page.getByRole("tab", { name: "Internal note" }).click();
  await expect(note).toHaveValue("Note typed while the server was down");

  await page.getByRole("tab", { name: "Reply" }).click();
  await page.getByRole("button", { name: "Send reply" }).click();
  await view.expectFlash("waits in the outbox");
  await page.reload();
  await expect(reply).toHaveValue("");
});
