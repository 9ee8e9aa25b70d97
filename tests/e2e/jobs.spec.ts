/**
 * Field operations from the office: an accepted quote becomes a job, a checklist template made in
 * settings is attached, completion is refused while a required item is open, and the ADMIN
 * completes with an override reason that shows on the job's timeline. Also the jobs list,
 * checklist settings and timesheets pages at desktop and phone widths.
 */
import { expect, test, type Page } from "@playwright/test";
import { signatureDataUrl } from "../support/png.ts";
import { expectAccessible, expectNoHorizontalScroll, storageStateFor } from "./support/fixtures.ts";

test.use({ storageState: storageStateFor("admin") });
// Several pages, each checked with axe, and server-side PDF/email work: more than the default 30 s.
test.describe.configure({ timeout: 180_000 });
const NAV = { timeout: 30_000 };

async function acceptedQuote(page: Page, baseURL: string) {
  const headers = { origin: baseURL };
  const stamp = Date.now();
  const email = `job-${stamp}@example.test`;
  const client = await (await page.request.post("/api/admin/clients", { headers, data: { name: `Jobs Client ${stamp}`, email } })).json();
  const site = await (await page.request.post(`/api/admin/clients/${client.id}/sites`, { headers, data: { addressLine1: "12 Mill Lane", town: "Stockport", postcode: "SK1 3AA" } })).json();
  expect(site.postcode).toBe("SK1 3AA");
  const quote = await (
    await page.request.post("/api/admin/quotes", {
      headers,
      data: {
        clientId: client.id,
        siteId: site.id,
        title: `Consumer unit upgrade ${stamp}`,
        lines: [
          { kind: "LABOUR", description: "Replace consumer unit, test and certify", quantityMilli: 6000, unitPricePence: 4800, vatRateBps: 2000 },
          { kind: "MATERIALS", description: "10-way RCBO board", quantityMilli: 1000, unitPricePence: 28500, vatRateBps: 2000 },
          { kind: "MATERIALS", description: "Surge protection", quantityMilli: 1000, unitPricePence: 8500, vatRateBps: 2000, placement: "ADDON", addonName: "Surge" },
        ],
      },
    })
  ).json();
  expect((await page.request.post(`/api/admin/quotes/${quote.id}/send`, { headers })).status()).toBe(200);
  let link: string | undefined;
  await expect
    .poll(async () => {
      const box = await (await page.request.get(`/api/admin/system/mailbox?to=${encodeURIComponent(email)}`)).json();
      link = (box.items as { links: string[] }[]).flatMap((m) => m.links).find((l) => l.includes("/q/"));
      return link;
    }, { timeout: 20_000 })
    .toBeTruthy();
  const token = new URL(link!).pathname.split("/q/")[1]!;
  const accepted = await page.request.post(`/api/public/quotes/${token}/accept`, {
    headers,
    data: { version: 1, choice: { options: {}, addons: ["Surge"] }, signerName: "Ada Client", signature: signatureDataUrl(), acceptTerms: true },
  });
  expect(accepted.status()).toBe(200);
  return quote as { id: string; number: string; title: string };
}

async function sign(page: Page) {
  const pad = page.getByRole("img", { name: "Your signature" });
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + 20, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + 20 + i * 20, box.y + box.height / 2 + (i % 2 ? 15 : -15));
  await page.mouse.up();
}

test("office converts an accepted quote, attaches a checklist; completion is refused with an open required item; the ADMIN overrides with a reason", async ({ page, baseURL }) => {
  const quote = await acceptedQuote(page, baseURL!);
  const checklistTitle = `Board change checks ${Date.now()}`;

  // A checklist template, made in settings.
  await page.goto("/admin/settings/checklists");
  await expect(page.getByRole("heading", { name: "Checklists", level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "New checklist" }).first().click();
  const dialog = page.getByRole("dialog", { name: "New checklist" });
  await dialog.getByLabel("Title").fill(checklistTitle);
  await dialog.getByLabel("Item 1", { exact: true }).fill("Safe isolation proven");
  await dialog.getByRole("button", { name: "Add item" }).click();
  await dialog.getByLabel("Item 2", { exact: true }).fill("Photo of the old board");
  await dialog.getByRole("checkbox", { name: "Required before completion" }).nth(1).uncheck();
  await dialog.getByRole("button", { name: "Create checklist" }).click();
  await expect(page.getByRole("row", { name: new RegExp(checklistTitle) })).toContainText("1 required of 2");
  await expectAccessible(page);

  // Convert the accepted quote.
  await page.goto(`/admin/quotes/${quote.id}`);
  await page.getByRole("button", { name: "Convert to job" }).click();
  await expect(page).toHaveURL(/\/admin\/jobs\/[0-9a-f-]{36}$/, NAV);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(quote.title);
  // 6 h × £48 + £285 + surge £85 = £658 net budget.
  await expect(page.getByText("£658.00").first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Open in Google Maps (opens in a new tab)" })).toHaveAttribute("href", "https://www.google.com/maps/search/?api=1&query=SK1%203AA");
  await expect(page.getByRole("link", { name: quote.number })).toBeVisible();

  await page.getByLabel("Attach a checklist").selectOption({ label: checklistTitle });
  await page.getByRole("button", { name: "Attach", exact: true }).click();
  await expect(page.getByRole("region", { name: checklistTitle })).toContainText("0 of 2 done");
  await page.getByRole("checkbox", { name: /Photo of the old board/ }).check();
  await expect(page.getByRole("region", { name: checklistTitle })).toContainText("1 of 2 done");
  await expect(page.getByText(/Done by Sarah Whitfield/)).toBeVisible();
  await expectAccessible(page);

  // Completion without the override reason: the server refuses, naming the open item.
  await page.getByRole("button", { name: "Complete job" }).click();
  const complete = page.getByRole("dialog", { name: "Complete the job" });
  await expect(complete.getByRole("note")).toContainText(`Safe isolation proven (${checklistTitle})`);
  await complete.getByLabel("Name of the person signing").fill("Ada Client");
  await sign(page);
  await complete.getByRole("button", { name: "Complete job" }).click();
  await expect(complete.getByRole("alert")).toContainText(`required checklist items are open: "Safe isolation proven" (${checklistTitle})`);
  await expectAccessible(page);

  // The ADMIN completes with a reason.
  await complete.getByLabel("Override reason").fill("Isolation proven by the DNO on the day; record attached");
  await complete.getByRole("button", { name: "Complete with override" }).click();
  await expect(page.getByText("Job completed")).toBeVisible(NAV);
  await expect(page.getByRole("heading", { level: 1 }).locator("..")).toContainText("Completed");
  await expect(page.getByText("Completed by an admin with open checklist items. Reason: Isolation proven by the DNO on the day; record attached")).toBeVisible();
  const timeline = page.getByRole("region", { name: "Timeline" });
  await expect(timeline.getByText(/completed with required checklist items open \(admin override\)/)).toBeVisible();
  await expect(timeline.getByText("Isolation proven by the DNO on the day; record attached").first()).toBeVisible();
  await page.screenshot({ path: "test-results/screens/job-desktop.png", fullPage: true });

  // The quote now links to its job.
  await page.goto(`/admin/quotes/${quote.id}`);
  await expect(page.getByRole("link", { name: /Open job JOB-/ })).toBeVisible(NAV);
});

test("jobs list, checklist settings and timesheets read well on desktop and phone", async ({ page }) => {
  for (const size of [{ width: 1440, height: 900 }, { width: 390, height: 844 }]) {
    await page.setViewportSize(size);
    const tag = size.width > 500 ? "desktop" : "phone";

    await page.goto("/admin/jobs");
    await expect(page.getByRole("heading", { name: "Jobs", level: 1 })).toBeVisible();
    await expect(page.getByRole("table", { name: "Jobs" })).toContainText("Landlord EICR, 3-bed semi");
    await page.getByRole("link", { name: "On hold", exact: true }).click();
    await expect(page).toHaveURL(/status=ON_HOLD/, NAV);
    await expect(page.getByRole("table", { name: "Jobs" })).toContainText("Garage sub-main and sockets");
    await expect(page.getByRole("table", { name: "Jobs" })).not.toContainText("Landlord EICR");
    await expectAccessible(page);
    if (tag === "phone") await expectNoHorizontalScroll(page);
    await page.screenshot({ path: `test-results/screens/jobs-${tag}.png`, fullPage: true });

    await page.getByRole("link", { name: /^JOB-/ }).first().click();
    await expect(page.getByText("On hold: Waiting for the client to clear the garage")).toBeVisible(NAV);
    await expectAccessible(page);
    if (tag === "phone") await expectNoHorizontalScroll(page);
    await page.screenshot({ path: `test-results/screens/job-onhold-${tag}.png`, fullPage: true });

    await page.goto("/admin/settings/checklists");
    await expect(page.getByRole("table", { name: "Checklist templates" })).toContainText("EICR pre-checks");
    await expectAccessible(page);
    if (tag === "phone") await expectNoHorizontalScroll(page);
    await page.screenshot({ path: `test-results/screens/checklists-${tag}.png`, fullPage: true });

    await page.goto("/admin/timesheets");
    await page.getByRole("link", { name: "Previous week" }).click();
    await expect(page).toHaveURL(/\?week=\d{4}-\d{2}-\d{2}$/, NAV);
    const table = page.getByRole("table", { name: /Timesheets for the week of/ });
    // Last week was submitted by the seed (another test here may approve it meanwhile).
    await expect(table.getByRole("row", { name: /Dan Hughes/ })).toContainText(/Submitted|Approved/);
    await expectAccessible(page);
    if (tag === "phone") await expectNoHorizontalScroll(page);
    await page.screenshot({ path: `test-results/screens/timesheets-${tag}.png`, fullPage: true });
  }
});

test("the office approves a submitted week and exports it for payroll", async ({ page }) => {
  await page.goto("/admin/timesheets");
  await page.getByRole("link", { name: "Previous week" }).click();
  await expect(page).toHaveURL(/\?week=\d{4}-\d{2}-\d{2}$/, NAV);
  await page.getByRole("link", { name: "Dan Hughes" }).click();
  await expect(page).toHaveURL(/engineer=/, NAV);
  await expect(page.getByRole("table", { name: /Dan Hughes's time entries/ })).toContainText("Travel from the yard included");
  await page.getByRole("button", { name: "Approve Dan Hughes's week" }).click();
  await expect(page.getByText("Dan Hughes's week approved")).toBeVisible(NAV);
  await expect(page.getByRole("table", { name: /Timesheets for the week of/ }).getByRole("row", { name: /Dan Hughes/ })).toContainText("Approved");
  await expect(page.getByRole("table", { name: /Dan Hughes's time entries/ }).getByText("Locked").first()).toBeVisible();
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export approved (CSV)" }).click();
  const file = await download;
  const text = await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8"));
  expect(text).toContain("Engineer,Week starting,Timesheet status");
  expect(text).toContain("Dan Hughes");
  await page.screenshot({ path: "test-results/screens/timesheet-approved-desktop.png", fullPage: true });
});

test("the office books a job for a client found by searching, then adds time against it found the same way", async ({ page, baseURL }) => {
  const headers = { origin: baseURL! };
  const stamp = Date.now();
  const client = await (await page.request.post("/api/admin/clients", { headers, data: { name: `Searchable Lettings ${stamp}` } })).json();
  await page.request.post(`/api/admin/clients/${client.id}/sites`, { headers, data: { addressLine1: "3 Canal Street", town: "Manchester", postcode: "M1 3HE" } });

  await page.goto("/admin/jobs/new");
  const clientBox = page.getByRole("combobox", { name: "Client" });
  await clientBox.fill(`Lettings ${stamp}`);
  const option = page.getByRole("option", { name: new RegExp(`Searchable Lettings ${stamp}`) });
  await expect(option).toBeVisible();
  await page.screenshot({ path: "test-results/screens/job-client-picker-desktop.png" });
  await clientBox.press("Enter");
  await expect(clientBox).toHaveValue(`Searchable Lettings ${stamp}`);
  const site = page.getByLabel("Site");
  await expect(site).toBeEnabled();
  await site.selectOption({ label: "3 Canal Street, M1 3HE" });
  await page.getByLabel("Title").fill(`Landlord safety check ${stamp}`);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Create job" }).click();
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(`Landlord safety check ${stamp}`) })).toBeVisible(NAV);
  const jobNumber = (await page.getByText(/^JOB-\d+/).first().textContent())!.match(/JOB-\d+/)![0];

  // Typing after a choice clears it: a search that finds nothing leaves no client chosen.
  await page.goto("/admin/jobs/new");
  await page.getByRole("combobox", { name: "Client" }).fill(`no such client ${stamp}`);
  await expect(page.getByText("No client matches. Add the client first.")).toBeVisible();

  await page.goto("/admin/timesheets");
  await page.getByRole("link", { name: "Dan Hughes" }).click();
  await expect(page).toHaveURL(/engineer=/, NAV);
  const form = page.getByRole("form", { name: "Add time for Dan Hughes" });
  const jobBox = form.getByRole("combobox", { name: /Job/ });
  await jobBox.fill(jobNumber);
  await form.getByRole("option", { name: new RegExp(jobNumber) }).click();
  await expect(jobBox).toHaveValue(new RegExp(`^${jobNumber}: Landlord safety check`));
  await form.getByRole("button", { name: "Add time" }).click();
  await expect(page.getByText("Time added for Dan Hughes")).toBeVisible(NAV);
  await expect(page.getByRole("table", { name: /Dan Hughes's time entries/ })).toContainText(jobNumber);
});
