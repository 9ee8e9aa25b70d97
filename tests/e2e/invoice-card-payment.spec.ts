/**
 * Card payment end to end, against the local fake Stripe started by the e2e server: the admin
 * connects the company's Stripe account from Settings > Payments (hosted onboarding); a quote is
 * accepted by the client; the office creates, issues and sends the invoice from the accepted
 * quote; the client opens the link from the built-in mailbox on a phone, pays by card (the fake
 * Checkout completes and delivers the signed webhooks); the invoice shows paid and the receipt is
 * in the mailbox. The reports page is checked along the way.
 */
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, expectNoHorizontalScroll, storageStateFor } from "./support/fixtures.ts";

test.use({ storageState: storageStateFor("admin") });

/** The newest link of a kind in a plain-text email found in the built-in mailbox. */
async function linkFromMailbox(page: Page, to: string, subject: RegExp, path: "q" | "i") {
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
  const link = new RegExp(`https?://\\S+/${path}/[A-Za-z0-9_-]{43}`).exec(plain)?.[0];
  expect(link, plain).toBeTruthy();
  return new URL(link!).pathname;
}

test("the admin connects Stripe; the client pays an invoice by card from the emailed link; the invoice shows paid with a receipt", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const stamp = Date.now().toString(36);
  const clientEmail = `card.${stamp}@example.test`;
  const title = `Garage sub-board ${stamp}`;

  // 1. Settings > Payments: card payment is hidden until the company connects its own Stripe account.
  await page.goto("/admin/settings/payments");
  await expect(page.getByRole("heading", { name: "Payments", level: 1 })).toBeVisible();
  await expect(page.getByText("Card payment is hidden until you connect your Stripe account")).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("payments-not-connected.png"), fullPage: true });
  await expectAccessible(page);
  await page.getByRole("button", { name: "Connect Stripe" }).click();
  await expect(page.getByRole("heading", { name: "Set up payments" })).toBeVisible();
  await page.getByRole("button", { name: "Complete onboarding" }).click();
  await expect(page).toHaveURL(/\/admin\/settings\/payments\?connect=return$/);
  await expect(page.getByText("Stripe account connected")).toBeVisible();
  await expect(page.getByText("Taking card payments")).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("payments-connected.png"), fullPage: true });
  await expectAccessible(page);

  // 2. A client and a quote (through the API, as the builder would save it), sent to the client.
  const client = await page.request.post("/api/admin/clients", { data: { name: `Card Client ${stamp}`, email: clientEmail } });
  expect(client.status(), await client.text()).toBe(201);
  const clientId = (await client.json()).id as string;
  const quote = await page.request.post("/api/admin/quotes", {
    data: { clientId, title, lines: [{ kind: "FIXED", description: "Sub-board, cabling and testing", quantityMilli: 1000, unitPricePence: 45_000, vatRateBps: 2000 }] },
  });
  expect(quote.status(), await quote.text()).toBe(201);
  const quoteId = (await quote.json()).id as string;
  expect((await page.request.post(`/api/admin/quotes/${quoteId}/send`)).status()).toBe(200);

  // 3. The client accepts on a phone, from the emailed link.
  const quotePath = await linkFromMailbox(page, clientEmail, new RegExp(`Quote Q-\\d+: ${title}`), "q");
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const clientPage = await phone.newPage();
  await clientPage.goto(quotePath);
  await clientPage.getByLabel("Your full name").fill("Dana Card");
  const pad = clientPage.getByRole("img", { name: "Your signature" });
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  await clientPage.mouse.move(box.x + 20, box.y + box.height / 2);
  await clientPage.mouse.down();
  for (let i = 1; i <= 10; i++) await clientPage.mouse.move(box.x + 20 + i * 25, box.y + box.height / 2 + (i % 2 ? 18 : -18));
  await clientPage.mouse.up();
  await clientPage.getByRole("checkbox", { name: /I accept this quote for £540\.00/ }).check();
  await clientPage.getByRole("button", { name: "Accept and sign" }).click();
  await expect(clientPage.getByText("Accepted by Dana Card, thank you.")).toBeVisible();

  // 4. The office invoices the accepted quote, issues it and sends it.
  await page.goto(`/admin/quotes/${quoteId}`);
  await page.getByRole("link", { name: "Create invoice (full or deposit)" }).click();
  await expect(page).toHaveURL(/\/admin\/invoices\/new\?quoteId=/);
  await page.getByRole("button", { name: "Create invoice" }).click();
  await expect(page).toHaveURL(/\/admin\/invoices\/[0-9a-f-]{36}/);
  const invoiceUrl = page.url().replace(/\/edit$/, "");
  await page.goto(invoiceUrl);
  await page.getByRole("button", { name: "Issue invoice" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Issue invoice" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/INV-\d+/);
  const number = (await page.getByRole("heading", { level: 1 }).innerText()).match(/INV-\d+/)![0];
  await page.getByRole("button", { name: "Send to client" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Send invoice" }).click();
  await expect(page.getByText("Invoice sent")).toBeVisible();

  // 5. The client opens the invoice link from the mailbox and pays by card.
  const invoicePath = await linkFromMailbox(page, clientEmail, new RegExp(`Invoice ${number} from`), "i");
  await clientPage.goto(invoicePath);
  await expect(clientPage.getByTestId("amount-due")).toHaveText("£540.00");
  const pay = clientPage.getByRole("button", { name: "Pay £540.00 by card" });
  await expect(pay).toBeVisible();
  await expectNoHorizontalScroll(clientPage);
  await expectAccessible(clientPage);
  await clientPage.screenshot({ path: test.info().outputPath("invoice-pay-by-card-phone.png"), fullPage: true });
  await pay.click();
  await expect(clientPage.getByRole("heading", { name: "Pay £540.00" })).toBeVisible();
  await clientPage.getByRole("button", { name: "Pay" }).click();
  await expect(clientPage).toHaveURL(new RegExp(`${invoicePath}/paid\\?session_id=cs_test_`));
  await expect(clientPage.getByRole("heading", { name: "Thank you, payment received" })).toBeVisible();
  await expect(clientPage.getByText(`£540.00 for invoice ${number} has been received`)).toBeVisible();
  await expectAccessible(clientPage);
  await clientPage.screenshot({ path: test.info().outputPath("paid-phone.png"), fullPage: true });
  await clientPage.getByRole("link", { name: "Back to the invoice" }).click();
  await expect(clientPage.getByText("Nothing left to pay")).toBeVisible();
  await expect(clientPage.getByRole("button", { name: /by card/ })).toHaveCount(0);
  await phone.close();

  // 6. The office sees it paid by card; the receipt is in the mailbox.
  await page.goto(invoiceUrl);
  await expect(page.getByText("Paid", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("region", { name: "Payments" }).getByText(/by card/i)).toBeVisible();
  await expect
    .poll(
      async () => {
        await page.goto(`/admin/system/mailbox?to=${encodeURIComponent(clientEmail)}`);
        return page.getByRole("link", { name: new RegExp(`Payment received: £540\\.00 for invoice ${number}`) }).count();
      },
      { timeout: 30_000 },
    )
    .toBe(1);

  // 7. The money reports count it.
  await page.goto("/admin/reports?report=revenue");
  await expect(page.getByRole("heading", { name: "Reports", level: 1 })).toBeVisible();
  await expect(page.getByRole("img", { name: "Invoiced and collected" })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath("reports-revenue.png"), fullPage: true });
  await page.goto("/admin/reports?report=aging");
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath("reports-aging.png"), fullPage: true });
  await page.goto("/admin/reports?report=vat");
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath("reports-vat.png"), fullPage: true });
});
