// The queue view, sidebar queues, advanced search and the queue editor in a real browser:
// tickets from the API in the open queue and its count, sorting, filters, cursor paging, a mass
// action, CSV export, search by word and number, a saved queue's life, department scope in
// every list and count, the keyboard, and what the queue page costs a browser to load.
import { type Page, expect, test } from "@playwright/test";
import { apiTicket, firstLoadScripts, pageAs, signInAs } from "./helpers";
import { PanelPage } from "./pages/panel-page";
import { QueueEditorPage } from "./pages/queue-editor-page";
import { QueuePage } from "./pages/queue-page";
import { SearchPage } from "./pages/search-page";
import { TicketPage } from "./pages/ticket-page";

async function topicId(page: Page, name: string): Promise<number> {
  const res = await page.request.get("/api/staff/topics");
  const { data } = (await res.json()) as { data: { items: { id: number; name: string }[] } };
  return data.items.find((t) => t.name === name)!.id;
}

const run = Date.now().toString(36);

test("a ticket from the API shows in the open queue and its sidebar count; another department sees neither", async ({ page, request, browser }) => {
  await signInAs(page, "agentA");
  const queue = new QueuePage(page);
  await queue.expectLoaded();
  await expect(queue.heading).toHaveText("Open");
  await expect(queue.sidebarQueue("open")).toHaveAttribute("aria-current", "page");
  const before = await queue.sidebarCount("open");
  const otherPage = await pageAs(browser, "agentB");
  const other = new QueuePage(otherPage);
  const otherBefore = await other.sidebarCount("open");

  const t = await apiTicket(request, { subject: `Scanner jams in room ${run}`, email: `scan-${run}@example.net` });
  await page.reload();
  await expect(queue.row(t.number)).toContainText(t.subject);
  expect(await queue.sidebarCount("open")).toBe(before + 1);
  expect(await queue.sidebarCount("unassigned")).toBeGreaterThan(0);
  await queue.screenshot("queue-view");

  // Billing's agent: not in the list, not in the count, not in search, not in the export.
  await otherPage.reload();
  await other.expectLoaded();
  expect(await other.sidebarCount("open")).toBe(otherBefore);
  await expect(other.row(t.number)).toHaveCount(0);
  await new SearchPage(otherPage).goto(`q=${encodeURIComponent(t.number)}`);
  await expect(otherPage.getByText("No tickets here")).toBeVisible();
  await other.goto("open");
  const csv = await other.exportCsv();
  expect(csv.rows.map((r) => r["Ticket Number"])).not.toContain(t.number);

  // And the other way round: a Billing ticket is counted for Billing only.
  const billing = await apiTicket(request, { subject: `Invoice copy ${run}`, email: `inv-${run}@example.net`, topicId: await topicId(page, "Billing Question") });
  await otherPage.reload();
  await expect(other.row(billing.number)).toBeVisible();
  expect(await other.sidebarCount("open")).toBe(otherBefore + 1);
  await page.reload();
  await queue.expectLoaded();
  expect(await queue.sidebarCount("open")).toBe(before + 1);
  await expect(queue.row(billing.number)).toHaveCount(0);
  await otherPage.context().close();
});

test("sort by a column, filter, and page with a cursor", async ({ page, request }) => {
  const word = `pagingword${run}`;
  const made: string[] = [];
  // Subjects in an order unrelated to creation, so sorting by subject is visible.
  for (let i = 0; i < 27; i++) made.push((await apiTicket(request, { subject: `${word} item ${String((i * 7) % 27).padStart(2, "0")}`, email: `page${i}-${run}@example.net` })).number);
  await signInAs(page, "agentA");
  const queue = new QueuePage(page);
  await queue.filterText(word);
  await expect(queue.total).toHaveText(/^27 tickets/);
  await expect(page).toHaveURL(new RegExp(`q=${word}`));
  await expect(queue.range).toHaveText("1–25 of 27");
  const first = await queue.numbers();
  await queue.next();
  await expect(queue.range).toHaveText("26–27 of 27");
  const second = await queue.numbers();
  expect(new Set([...first, ...second])).toEqual(new Set(made));
  await queue.previous();
  await expect(queue.range).toHaveText("1–25 of 27");

  await queue.sortBy("Subject");
  await expect(page).toHaveURL(/sort=subject%3Aasc/);
  await expect(queue.columnHeader("Subject")).toHaveAttribute("aria-sort", "ascending");
  await expect(queue.rows.first()).toContainText(`${word} item 00`);
  const asc = await queue.subjects();
  expect(asc).toEqual([...asc].sort());
  await queue.sortBy("Subject");
  await expect(queue.rows.first()).toContainText(`${word} item 26`);
  await expect(queue.columnHeader("Subject")).toHaveAttribute("aria-sort", "descending");

  // The address is the view: reloading (or sharing it) shows the same.
  await page.reload();
  await expect(queue.rows.first()).toContainText(`${word} item 26`);
  await queue.filter("Priority", "High");
  await expect(page.getByText("No tickets here")).toBeVisible();
  await queue.filter("Priority", "Normal");
  await expect(queue.total).toHaveText(/^27 tickets/);
  await queue.filter("Department", "Billing");
  await expect(page.getByText("No tickets here")).toBeVisible();
});

test("a mass action on three tickets shows each result and changes the tickets", async ({ page, request }) => {
  const word = `massword${run}`;
  const ts = [];
  for (let i = 0; i < 3; i++) ts.push(await apiTicket(request, { subject: `${word} ${i}`, email: `mass${i}-${run}@example.net` }));
  await signInAs(page, "manager");
  const queue = new QueuePage(page);
  await queue.filterText(word);
  await expect(queue.rows).toHaveCount(3);
  await queue.select(ts[0].number);
  await queue.select(ts[1].number);
  // The third by keyboard: j moves to the next row, x ticks it.
  // Focus out of the checkbox onto something inert (the heading), so the keys reach the list.
  await queue.heading.click();
  const third = (await queue.numbers()).indexOf(ts[2].number);
  for (let i = 0; i <= third; i++) await page.keyboard.press("j");
  await expect(queue.rows.nth(third)).toHaveAttribute("data-active", "true");
  await page.keyboard.press("x");
  await expect(page.getByTestId("selection-count")).toHaveText("3 selected");

  await queue.massAction("Assign", { field: "Assign to", label: "Alex Agent" });
  await expect(queue.results).toContainText("Assign: 3 done");
  await expect(queue.results.getByTestId("mass-result").and(page.locator("[data-ok=true]"))).toHaveCount(3);
  for (const t of ts) await expect(queue.row(t.number)).toContainText("Alex Agent");

  await page.getByRole("checkbox", { name: "Select all tickets on this page" }).check();
  await queue.massAction("Change status", { field: "New status", label: "Closed" });
  await expect(queue.results).toContainText("Change status: 3 done");
  for (const t of ts) await expect(queue.results).toContainText(`#${t.number}`);
  await queue.screenshot("queue-mass-results");
  // Closed tickets leave the open queue; the status filter brings them back.
  await expect(page.getByText("No tickets here")).toBeVisible();
  await queue.filter("Status", "Closed");
  await expect(queue.rows).toHaveCount(3);
  for (const t of ts) await expect(queue.row(t.number)).toContainText("Closed");
});

test("export downloads the current view as CSV", async ({ page, request }) => {
  const word = `exportword${run}`;
  const ts = [];
  for (let i = 0; i < 4; i++) ts.push(await apiTicket(request, { subject: `${word} ${i}`, email: `exp${i}-${run}@example.net` }));
  await signInAs(page, "agentA");
  const queue = new QueuePage(page);
  await queue.filterText(word);
  await expect(queue.rows).toHaveCount(4);
  const csv = await queue.exportCsv();
  expect(csv.name).toMatch(/^open-\d{8}\.csv$/);
  expect(csv.rows).toHaveLength(4);
  expect(new Set(csv.rows.map((r) => r["Ticket Number"]))).toEqual(new Set(await queue.numbers()));
  expect(csv.rows.map((r) => r.Subject).sort()).toEqual(ts.map((t) => t.subject).sort());

  await queue.select(ts[0].number);
  await queue.select(ts[2].number);
  const picked = await queue.exportCsv("Export selected");
  expect(picked.rows.map((r) => r["Ticket Number"]).sort()).toEqual([ts[0].number, ts[2].number].sort());
});

test("search by word and by number; save it as a queue, see its count, edit and delete it", async ({ page, request, browser }) => {
  const word = `searchword${run}`;
  const a = await apiTicket(request, { subject: `${word} printer toner`, email: `s1-${run}@example.net` });
  const b = await apiTicket(request, { subject: `${word} badge reader`, email: `s2-${run}@example.net` });
  await signInAs(page, "agentA");
  const panel = new PanelPage(page);
  await panel.search(word);
  await page.waitForURL(new RegExp(`/search\\?q=${word}`));
  const results = new QueuePage(page);
  await expect(results.rows).toHaveCount(2);

  const search = new SearchPage(page);
  await search.goto();
  await search.search({ text: b.number });
  await expect(results.rows.first()).toHaveAttribute("data-number", b.number);
  await search.search({ text: word, status: ["Any open"] });
  await expect(results.rows).toHaveCount(2);
  await expect(page).toHaveURL(/status=any_open/);
  await page.screenshot({ path: "e2e/screenshots/search.png", fullPage: true });

  const name = `Toner watch ${run}`;
  await search.saveAsQueue(name);
  const link = page.getByRole("link", { name: new RegExp(name) });
  await expect(link).toBeVisible();
  await expect(link.getByTestId("queue-count")).toHaveAttribute("data-count", "2");
  await link.click();
  await expect(results.heading).toHaveText(name);
  await expect(results.rows).toHaveCount(2);
  const id = new URL(page.url()).searchParams.get("queue")!;

  // A personal queue is its owner's alone.
  const other = await pageAs(browser, "agentB");
  // The sidebar has loaded its queues (a count shows) before the absence means anything.
  await new QueuePage(other).sidebarCount("open");
  await expect(other.getByRole("link", { name: new RegExp(name) })).toHaveCount(0);
  expect((await other.goto(`/tickets/queues/${id}/edit`))?.status()).toBe(404);
  await other.context().close();

  await page.getByRole("link", { name: "Edit queue" }).click();
  const editor = new QueueEditorPage(page);
  await expect(editor.form).toBeVisible();
  await page.screenshot({ path: "e2e/screenshots/queue-editor.png", fullPage: true });
  await editor.rename(`${name} renamed`);
  await editor.form.getByLabel("Text", { exact: true }).fill(`${word} toner`);
  await editor.addColumn("Source");
  await editor.save();
  await expect(results.heading).toHaveText(`${name} renamed`);
  await expect(results.rows).toHaveCount(1);
  await expect(results.row(a.number)).toBeVisible();
  await expect(results.columnHeader("Source")).toBeVisible();
  await expect(page.getByRole("link", { name: new RegExp(`${name} renamed`) }).getByTestId("queue-count")).toHaveAttribute("data-count", "1");

  // Built-in queues say why they cannot be changed.
  await editor.goto("open");
  await expect(editor.locked).toContainText("built-in queue");

  await editor.goto(id);
  const said = await editor.delete();
  expect(said).toContain("disappears from your sidebar");
  expect(said).not.toContain("everyone");
  await expect(page.getByRole("link", { name: new RegExp(name) })).toHaveCount(0);
});

test("keyboard: j/k move the current row, Enter opens it", async ({ page, request }) => {
  const word = `keyword${run}`;
  const ts = [];
  for (let i = 0; i < 2; i++) ts.push(await apiTicket(request, { subject: `${word} ${i}`, email: `key${i}-${run}@example.net` }));
  await signInAs(page, "agentA", `/tickets?q=${word}&sort=subject:asc`);
  const queue = new QueuePage(page);
  await expect(queue.rows).toHaveCount(2);
  await page.keyboard.press("j");
  await page.keyboard.press("j");
  await page.keyboard.press("k");
  await expect(queue.rows.first()).toHaveAttribute("data-active", "true");
  await page.keyboard.press("x");
  await expect(page.getByTestId("selection-count")).toHaveText("1 selected");
  await page.keyboard.press("Enter");
  await page.waitForURL(`**/tickets/${ts[0].tid}`);
  await new TicketPage(page).expectLoaded(ts[0].subject);
});

test("the queue view fits a tablet", async ({ page }) => {
  await page.setViewportSize({ width: 820, height: 1100 });
  await signInAs(page, "agentA");
  const queue = new QueuePage(page);
  await queue.expectLoaded();
  await queue.screenshot("queue-view-tablet");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("the queue view's default columns fit 1280-1440 px; the whole heading cell is the sort button", async ({ page, request }) => {
  await apiTicket(request, { subject: `A rather long subject line for the width check, with several words ${run}`, email: `a.rather.long.address.${run}@subdomain.example.net` });
  await signInAs(page, "agentA");
  const queue = new QueuePage(page);
  for (const width of [1280, 1366, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    await queue.goto("open");
    await expect(queue.columnHeader("Due")).toBeVisible();
    const overflow = await queue.table.evaluate((t) => t.parentElement!.scrollWidth - t.parentElement!.clientWidth);
    expect(overflow, `table overflow at ${width} px`).toBeLessThanOrEqual(0);
  }
  await queue.screenshot("queue-view-1440");
  // Organization and department join when there is room for them.
  await page.setViewportSize({ width: 1600, height: 900 });
  await expect(queue.columnHeader("Organization")).toBeVisible();
  await expect(queue.columnHeader("Department")).toBeVisible();

  // A click at the far end of the Subject cell, away from its words, sorts.
  await page.setViewportSize({ width: 1280, height: 900 });
  const cell = (await queue.columnHeader("Subject").boundingBox())!;
  await page.mouse.click(cell.x + cell.width - 4, cell.y + cell.height - 3);
  await expect(page).toHaveURL(/sort=subject/);
  await expect(queue.columnHeader("Subject")).toHaveAttribute("aria-sort", /ascending|descending/);
});

test("first load of the queue page: compressed JavaScript transferred", async ({ browser }) => {
  const { scripts, bytes } = await firstLoadScripts(browser, "agentA", "/tickets", (page) => new QueuePage(page).expectLoaded());
  const kb = bytes / 1024;
  console.log(`queue page first load: ${scripts} scripts, ${kb.toFixed(1)} KB of compressed JavaScript transferred`);
  test.info().annotations.push({ type: "js-bytes", description: `${Math.round(bytes)} bytes in ${scripts} scripts` });
  expect(scripts).toBeGreaterThan(0);
  expect(kb).toBeLessThanOrEqual(250);
});
