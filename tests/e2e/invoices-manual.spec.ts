/**
 * Manual invoicing end to end: the office invoices a quote the client accepted, issues it, records
 * a part payment by bank transfer and a credit note; the invoice shows the right balance and
 * status, the list shows it with its totals row, and the client's /i/<token> page (from the
 * emailed link) shows the amount due, bank details, the payment and the credit note on a phone.
 */
import { expect, test, type Browser, type Page } from "@playwright/test";
import { signatureDataUrl } from "../support/png.ts";
import { expectAccessible, expectNoHorizontalScroll, storageStateFor } from "./support/fixtures.ts";

test.use({ storageState: storageStateFor("office") });

/** The newest /q/ or /i/ link in an email to `to`, read from the built-in mailbox (an admin page). */
async function linkFromMailbox(browser: Browser, to: string, subject: RegExp, path: "q" | "i") {
  const admin = await browser.newContext({ storageState: storageStateFor("admin") });
  const page = await admin.newPage();
  const mail = page.getByRole("link", { name: subject });
  await expect
    .poll(
      async () => {
        await page.goto(`/admin/system/mailbox?to=${encodeURIComponent(to)}`);
        return mail.count();
      },
      { timeout: 30_000 },
    )
    .toBeGreaterThan(0);
  await mail.first().click();
  await page.getByText("Plain-text version").click();
  const plain = await page.locator("details pre").innerText();
  await admin.close();
  const link = new RegExp(`https?://\\S+/${path}/[A-Za-z0-9_-]{43}`).exec(plain)?.[0];
  expect(link, plain).toBeTruthy();
  return new URL(link!).pathname;
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}

test("office invoices an accepted quote, issues it, records a part payment and a credit note; balance and status follow", async ({ page, browser, baseURL }) => {
  test.setTimeout(180_000);
  const stamp = Date.now().toString(36);
  const clientEmail = `manual.${stamp}@example.test`;
  const title = `Consumer unit swap ${stamp}`;

  // A client and a quote for £450 + VAT, sent; the client accepts it through the link.
  const client = await page.request.post("/api/admin/clients", { data: { name: `Manual Client ${stamp}`, email: clientEmail } });
  expect(client.status(), await client.text()).toBe(201);
  const clientId = (await client.json()).id as string;
  const quote = await page.request.post("/api/admin/quotes", {
    data: { clientId, title, lines: [{ kind: "FIXED", description: "Replace consumer unit, test and certify", quantityMilli: 1000, unitPricePence: 45_000, vatRateBps: 2000 }] },
  });
  expect(quote.status(), await quote.text()).toBe(201);
  const quoteId = (await quote.json()).id as string;
  expect((await page.request.post(`/api/admin/quotes/${quoteId}/send`)).status()).toBe(200);
  const quotePath = await linkFromMailbox(browser, clientEmail, new RegExp(`Quote Q-\\d+: ${title}`), "q");
  const token = quotePath.split("/q/")[1];
  const accepted = await page.request.post(`/api/public/quotes/${token}/accept`, {
    headers: { origin: baseURL! },
    data: { version: 1, choice: { options: {}, addons: [] }, signerName: "Morgan Manual", signature: signatureDataUrl(), acceptTerms: true },
  });
  expect(accepted.status(), await accepted.text()).toBe(200);

  // The office creates the invoice from the quote page.
  await page.goto(`/admin/quotes/${quoteId}`);
  await page.getByRole("link", { name: "Create invoice (full or deposit)" }).click();
  await expect(page.getByRole("heading", { name: "New invoice from a quote", level: 1 })).toBeVisible();
  await expect(page.getByText("Accepted total: £540.00 including VAT.")).toBeVisible();
  await expectAccessible(page);
  await shot(page, "new-from-quote");
  await page.getByRole("button", { name: "Create invoice" }).click();
  await expect(page).toHaveURL(/\/admin\/invoices\/[0-9a-f-]{36}$/);
  const invoiceUrl = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Draft invoice: ${title}`);

  // Issue it: it gets its number and can no longer be edited.
  await page.getByRole("button", { name: "Issue invoice" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Issue invoice" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/INV-\d{5}/);
  const number = (await page.getByRole("heading", { level: 1 }).innerText()).match(/INV-\d+/)![0];
  await expect(page.getByRole("link", { name: "Edit" })).toHaveCount(0);
  await expect(page.getByTestId("balance")).toHaveText("£540.00");

  // A part payment by bank transfer; more than the balance is refused with a clear message first.
  await page.getByRole("button", { name: "Record payment" }).click();
  const pay = page.getByRole("dialog", { name: "Record a payment" });
  await pay.getByLabel("Amount received").fill("600.00");
  await pay.getByRole("button", { name: "Record payment" }).click();
  await expect(pay.getByText("£600.00 is more than the £540.00 outstanding")).toBeVisible();
  await pay.getByLabel("Amount received").fill("200.00");
  await pay.getByLabel("Reference").fill(`BACS ${stamp}`);
  await expectAccessible(page);
  await pay.getByRole("button", { name: "Record payment" }).click();
  await expect(pay).toBeHidden();
  await expect(page.getByTestId("balance")).toHaveText("£340.00");
  await expect(page.getByRole("region", { name: "Payments" }).getByText(`£200.00 by Bank transfer`)).toBeVisible();

  // A credit note for £50 + VAT.
  await page.getByRole("button", { name: "Credit note" }).click();
  const credit = page.getByRole("dialog", { name: "Issue a credit note" });
  await credit.getByLabel("Reason").fill("Surge protection not fitted");
  await credit.getByLabel("Amount to credit, excluding VAT").fill("50");
  await credit.getByRole("button", { name: "Issue credit note" }).click();
  await expect(credit).toBeHidden();
  await expect(page.getByTestId("balance")).toHaveText("£280.00");
  await expect(page.getByRole("region", { name: "Credit notes" }).getByText(/CN-\d{5}/)).toBeVisible();
  await expect(page.locator("header").getByText("Part-paid")).toBeVisible();
  await expectAccessible(page);
  await shot(page, "invoice-part-paid");

  // The list: filtered to part-paid, with its totals row.
  await page.goto("/admin/invoices?status=PART_PAID");
  const row = page.getByRole("row", { name: new RegExp(number) });
  await expect(row).toContainText("Part-paid");
  await expect(row).toContainText("£280.00");
  await expect(page.locator("tfoot")).toContainText(/\d+ invoices?/);
  await expectAccessible(page);
  await shot(page, "invoice-list");

  // Send it; the client's link shows what's due, bank details, the payment and the credit note, on a phone.
  await page.goto(invoiceUrl);
  await page.getByRole("button", { name: "Send to client" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Send invoice" }).click();
  await expect(page.getByText("Invoice sent")).toBeVisible();
  const invoicePath = await linkFromMailbox(browser, clientEmail, new RegExp(`Invoice ${number} from`), "i");
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const clientPage = await phone.newPage();
  await clientPage.goto(invoicePath);
  await expect(clientPage.getByTestId("amount-due")).toHaveText("£280.00");
  await expect(clientPage.getByText("Pay by bank transfer")).toBeVisible();
  await expect(clientPage.getByText(/credit note CN-\d{5} \(Surge protection not fitted\)/)).toBeVisible();
  await expectNoHorizontalScroll(clientPage);
  await expectAccessible(clientPage);
  await shot(clientPage, "client-invoice-phone");
  await clientPage.goto(`/i/${"x".repeat(43)}`);
  await expect(clientPage.getByRole("heading", { name: "This invoice link is no longer valid" })).toBeVisible();
  await phone.close();
});

test("the office sees card money that arrived for a voided invoice and resolves it with a note", async ({ page, browser }) => {
  test.setTimeout(90_000);
  // The seed's voided invoice was paid by card afterwards: a banner on the invoices list says so.
  await page.goto("/admin/invoices");
  const banner = page.getByTestId("unapplied-banner");
  await expect(banner).toContainText(/card payments? \(£[\d,.]+\) couldn't be applied/);
  await banner.getByRole("link", { name: "Review unapplied payments" }).click();
  await expect(page).toHaveURL(/\/admin\/invoices\/unapplied$/);
  await expect(page.getByRole("heading", { name: "Unapplied card payments", level: 1 })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: "This invoice is void and can't take payments." }).first();
  await expect(row).toContainText("Needs action");
  await expectAccessible(page);
  await shot(page, "unapplied-desktop");

  const phone = await browser.newContext({ storageState: storageStateFor("office"), viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const phonePage = await phone.newPage();
  await phonePage.goto("/admin/invoices/unapplied");
  await expect(phonePage.getByRole("heading", { name: "Unapplied card payments", level: 1 })).toBeVisible();
  await expectNoHorizontalScroll(phonePage);
  await shot(phonePage, "unapplied-phone");
  await phone.close();

  // Resolve needs a note; with one, the row leaves the "Needs action" list.
  await row.getByRole("button", { name: "Resolve" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: "Mark resolved" }).click();
  await expect(dialog.getByText("Say how it was resolved.")).toBeVisible();
  await dialog.getByLabel("Note").fill("Client asked us to keep it against the other callout invoice");
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "Mark resolved" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("Marked resolved")).toBeVisible();
  await page.goto("/admin/invoices/unapplied?status=RESOLVED");
  await expect(page.getByText("Client asked us to keep it against the other callout invoice")).toBeVisible();
  await shot(page, "unapplied-resolved");

  // The invoice's own page says what happened to the money.
  await page.getByRole("row").filter({ hasText: "Client asked us to keep it against the other callout invoice" }).first().getByRole("link").first().click();
  await expect(page.getByText("Card money not applied")).toBeVisible();
  await expect(page.getByText(/by card on .*: This invoice is void and can't take payments\. · Client asked us to keep it against the other callout invoice/)).toBeVisible();
  await expectAccessible(page);
});

test("the blank-invoice editor takes a per-line discount and updates the totals as you type", async ({ page }) => {
  await page.goto("/admin/invoices/new");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.getByLabel("Description").fill("Rewire, two bedrooms");
  await page.getByLabel("Qty").fill("2");
  await page.getByLabel("Unit price (excl. VAT)").fill("150");
  const totals = page.getByTestId("editor-totals");
  await expect(totals).toContainText("Net£300.00");
  await page.getByLabel("Discount %").fill("12.5");
  // £300.00 less 12.5% = £262.50 net, VAT £52.50, total £315.00.
  await expect(totals).toContainText("Discounts−£37.50");
  await expect(totals).toContainText("Net£262.50");
  await expect(totals).toContainText("VAT£52.50");
  await expect(totals).toContainText("Total£315.00");
  await page.getByLabel("Discount %").fill("150");
  await page.getByRole("button", { name: "Create draft invoice" }).click();
  await expect(page.getByText("0 to 100%", { exact: true })).toBeVisible();
  await expectAccessible(page);
  await shot(page, "editor-discount");

  // The client is searched for (not picked from a list of the first thousand), then the draft is saved.
  const name = `Editor Client ${Date.now()}`;
  expect((await page.request.post("/api/admin/clients", { headers: { origin: new URL(page.url()).origin }, data: { name } })).status()).toBe(201);
  await page.getByLabel("Discount %").fill("12.5");
  await page.getByLabel("Title").fill("Rewire");
  const clientBox = page.getByRole("combobox", { name: "Client" });
  await clientBox.fill(name);
  await page.getByRole("option", { name: new RegExp(name) }).click();
  await expect(clientBox).toHaveValue(name);
  await page.getByRole("button", { name: "Create draft invoice" }).click();
  await expect(page).toHaveURL(/\/admin\/invoices\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  await expect(page.getByText(name).first()).toBeVisible();
});
