// The ticket view in a real browser: open a ticket that came through the API, reply (and find
// the mail in the outbox), note, the assignment actions, merge, close and reopen, the conflict
// notice, and the 404 for a ticket of another department.
import { expect, test } from "@playwright/test";
import { apiTicket, pageAs, signInAs, state } from "./helpers";
import { AdminOutboxPage } from "./pages/admin-outbox-page";
import { TicketPage } from "./pages/ticket-page";

test("a ticket from the API shows in /tickets and opens; a reply is mailed, a note is not", async ({ page, request, browser }) => {
  const t = await apiTicket(request, { subject: "Printer on the 3rd floor is offline", message: "Since 9:00 nothing prints." });
  await signInAs(page, "agentA");
  // No request of the ticket page fails: no draft is a 200 with data: null, the icon exists.
  const failed: string[] = [];
  page.on("response", (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  await expect(page.getByRole("table", { name: "Open tickets" })).toContainText(t.subject);
  await page.screenshot({ path: "e2e/screenshots/tickets-list.png", fullPage: true });
  await page.getByRole("link", { name: t.subject }).click();
  const view = new TicketPage(page);
  await view.expectLoaded(t.subject);
  await expect(view.entriesOf("message")).toContainText("Since 9:00 nothing prints.");

  await view.reply("We are on it; a technician comes by at 11:00.", { status: "Awaiting client" });
  // The e2e server has no SMTP: the mail waits in the outbox, and the sender is told so.
  await view.expectFlash("Reply saved; the mail to casey@example.net waits in the outbox (outbound email is not configured)");
  await expect(view.entriesOf("response")).toContainText("technician comes by");
  await expect(view.status).toHaveText("Awaiting client");

  await view.note("Toner ordered, ETA tomorrow.");
  await view.expectFlash("Internal note added");
  await expect(view.entriesOf("note")).toContainText("Toner ordered");
  expect(failed).toEqual([]);
  const icon = await page.locator('head link[rel="icon"]').first().getAttribute("href");
  expect((await page.request.get(icon!)).status()).toBe(200);
  await expect(page.getByTestId("events")).toContainText("replied");
  await view.screenshot("ticket-view");

  const admin = await pageAs(browser, "admin", "/admin/outbox");
  const outbox = new AdminOutboxPage(admin);
  await expect(outbox.mailRow(`[#${t.number}]`).filter({ hasText: "casey@example.net" }).first()).toBeVisible();
  const preview = await outbox.preview(new RegExp(`\\[#${t.number}\\].*${t.subject}|${t.subject}.*\\[#${t.number}\\]`));
  await expect(preview).toBeVisible();
  await admin.context().close();
});

test("assign, release, claim, refer and transfer", async ({ page, request }) => {
  const t = await apiTicket(request);
  await signInAs(page, "manager");
  const view = new TicketPage(page);
  await view.goto(t.tid);
  await expect(view.assignee).toHaveText("Unassigned");

  await view.assign("Alex Agent");
  await view.expectFlash("Assigned to Alex Agent");
  await expect(view.assignee).toHaveText("Alex Agent");

  await view.action("Release").click();
  await view.expectFlash("Assignment released");
  await expect(view.assignee).toHaveText("Unassigned");

  await view.action("Claim").click();
  await view.expectFlash("You claimed the ticket");
  await expect(view.assignee).toHaveText(state.staff.manager.name);

  await view.refer("Blair Agent");
  await view.expectFlash("Referred to Blair Agent");
  await expect(page.getByRole("region", { name: "Referrals and related tickets" })).toContainText("Blair Agent");

  await view.transfer("Billing");
  await view.expectFlash("Transferred to Billing");
  await expect(page.getByRole("definition").filter({ hasText: "Billing" })).toBeVisible();
  await expect(page.getByTestId("events")).toContainText("transferred");
  await view.screenshot("ticket-after-actions");
});

test("merging two tickets combines their threads", async ({ page, request }) => {
  const a = await apiTicket(request, { subject: "VPN drops every hour", message: "First report of the VPN problem." });
  const b = await apiTicket(request, { subject: "VPN disconnects again", message: "Second report, from a colleague.", email: "dana@example.net", name: "Dana Doe" });
  await signInAs(page, "manager");
  const view = new TicketPage(page);
  await view.goto(a.tid);
  await view.mergeIn(b.number, b.subject);
  await view.expectFlash(`#${b.number} merged into this ticket`);
  await expect(view.entriesOf("message")).toHaveCount(2);
  await expect(view.entriesOf("message").filter({ hasText: "Second report" })).toContainText(`Merged from #${b.number}`);
  await view.screenshot("ticket-merged");

  await view.goto(b.tid);
  await expect(page.getByText(`Merged into #${a.number}`)).toBeVisible();
});

test("close and reopen", async ({ page, request }) => {
  const t = await apiTicket(request);
  await signInAs(page, "agentA");
  const view = new TicketPage(page);
  await view.goto(t.tid);
  await view.action("Close").click();
  await view.expectFlash("Status set to Closed");
  await expect(view.status).toHaveText("Closed");
  await view.action("Reopen").click();
  await expect(view.status).toHaveText("Open");
  await expect(page.getByTestId("events")).toContainText("reopened the ticket");
});

test("a change made meanwhile by someone else is refused and named", async ({ page, request, browser }) => {
  const t = await apiTicket(request);
  await signInAs(page, "agentA");
  const view = new TicketPage(page);
  await view.goto(t.tid);

  const other = await pageAs(browser, "manager", `/tickets/${t.tid}`);
  await new TicketPage(other).action("Claim").click();
  await new TicketPage(other).expectFlash("You claimed the ticket");
  await other.context().close();

  await page.getByRole("tab", { name: "Internal note" }).click();
  await page.getByRole("textbox", { name: "Internal note" }).fill("Written while someone else claimed it");
  await page.getByRole("button", { name: "Add note" }).click();
  const notice = page.getByTestId("change-notice");
  await expect(notice).toContainText("changed by someone else");
  await expect(notice).toContainText(`${state.staff.manager.name} claimed the ticket`);
  await expect(page.getByRole("textbox", { name: "Internal note" })).toHaveValue("Written while someone else claimed it");
  await view.screenshot("ticket-conflict");
  await notice.getByRole("button", { name: "Reload ticket" }).click();
  await expect(view.assignee).toHaveText(state.staff.manager.name);
  await page.getByRole("button", { name: "Add note" }).click();
  await view.expectFlash("Internal note added");
});

test("an agent cannot open another department's ticket by URL", async ({ page, request }) => {
  const t = await apiTicket(request);
  await signInAs(page, "agentB");
  const status = await new TicketPage(page).goto(t.tid);
  expect(status).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.getByText(t.subject)).toHaveCount(0);
  await page.screenshot({ path: "e2e/screenshots/ticket-not-found.png", fullPage: true });
});

test("mail bodies: quoted history folded, remote images blocked until asked for; the page fits a tablet", async ({ page, request }) => {
  const id = `e2e-remote-${Date.now()}@example.net`;
  const mime = [
    "From: Casey Client <casey@example.net>",
    "To: support@example.com",
    "Subject: Remote images and quotes",
    `Message-ID: <${id}>`,
    "MIME-Version: 1.0",
    "Content-Type: text/html; charset=UTF-8",
    "",
    '<div>The new part of the mail. <img src="https://images.example.com/logo.png" alt="remote logo"></div>',
    '<div class="gmail_quote">On Monday Dana wrote:<blockquote>The old quoted part.</blockquote></div>',
    "",
  ].join("\r\n");
  const res = await request.post("/api/tickets.email", { headers: { "X-API-Key": state.apiKey, accept: "application/json" }, data: mime });
  expect(res.status()).toBe(201);
  const { data } = (await res.json()) as { data: { tid: number } };

  await page.setViewportSize({ width: 820, height: 1180 });
  await signInAs(page, "agentA", `/tickets/${data.tid}`);
  const view = new TicketPage(page);
  await view.expectLoaded("Remote images and quotes");
  const entry = view.entriesOf("message").first();
  await expect(entry).toContainText("The new part of the mail.");
  await expect(entry.getByText("The old quoted part.")).toBeHidden();
  const img = entry.getByRole("img", { name: "remote logo" });
  await expect(img).toHaveAttribute("data-remote-src", "https://images.example.com/logo.png");
  await expect(img).not.toHaveAttribute("src", /images\.example\.com/);
  await view.screenshot("ticket-tablet");
  await entry.getByText("Show quoted text").click();
  await expect(entry.getByText("The old quoted part.")).toBeVisible();
  await entry.getByRole("button", { name: "Load remote images" }).click();
  await expect(img).toHaveAttribute("src", "https://images.example.com/logo.png");
});
