/**
 * A quote asking for a deposit, at phone size, against the local fake Stripe: the company (the
 * second demo company, so no other spec's Stripe state is touched) connects Stripe; the client
 * accepts from the emailed link and is taken straight to Checkout for the deposit, pays, and lands
 * on the success page; the office finds the deposit invoice issued and paid, and its email went out.
 */
import { expect, test } from "@playwright/test";
import { expectAccessible, storageStateFor } from "./support/fixtures.ts";

test("a client accepts a quote with a 25% deposit and is taken straight to paying it by card", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const office = await browser.newContext({ storageState: storageStateFor("northgateAdmin"), viewport: { width: 1280, height: 900 } });
  const officePage = await office.newPage();
  const api = office.request;
  const baseURL = test.info().project.use.baseURL!;
  const headers = { origin: baseURL };
  const stamp = Date.now().toString(36);
  const email = `deposit-${stamp}@example.test`;

  // The company takes cards (hosted onboarding at the fake Stripe).
  await officePage.goto("/admin/settings/payments");
  const connect = officePage.getByRole("button", { name: "Connect Stripe" });
  if (await connect.isVisible()) {
    await connect.click();
    await officePage.getByRole("button", { name: "Complete onboarding" }).click();
    await expect(officePage).toHaveURL(/\/admin\/settings\/payments\?connect=return$/);
  }
  await expect(officePage.getByText("Taking card payments")).toBeVisible();

  // A quote for £480.00 incl. VAT asking for a 25% deposit, sent to the client.
  const client = await (await api.post("/api/admin/clients", { headers, data: { name: "Dev Deposit", email } })).json();
  expect(client.id).toBeTruthy();
  const created = await api.post("/api/admin/quotes", {
    headers,
    data: { clientId: client.id, title: `Rewire ${stamp}`, depositBps: 2500, lines: [{ kind: "FIXED", description: "Full rewire", quantityMilli: 1000, unitPricePence: 40_000, vatRateBps: 2000 }] },
  });
  expect(created.status(), await created.text()).toBe(201);
  const quote = await created.json();
  expect((await api.post(`/api/admin/quotes/${quote.id}/send`, { headers })).status()).toBe(200);
  let link: string | undefined;
  await expect
    .poll(async () => {
      const box = await (await api.get(`/api/admin/system/mailbox?to=${encodeURIComponent(email)}`)).json();
      link = (box.items as { links: string[] }[]).flatMap((m) => m.links).find((l) => l.includes("/q/"));
      return link;
    }, { timeout: 20_000 })
    .toBeTruthy();

  // The client signs and accepts on the phone...
  await page.goto(new URL(link!).pathname);
  await page.getByLabel("Your full name").fill("Dev Deposit");
  const pad = page.getByRole("img", { name: "Your signature" });
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + 20, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + 20 + i * 20, box.y + box.height / 2 + (i % 2 ? 15 : -15));
  await page.mouse.up();
  await page.getByRole("checkbox", { name: /I accept this quote for £480\.00/ }).check();
  await page.getByRole("button", { name: "Accept and sign" }).click();

  // ...and is taken straight to Checkout for the deposit: 25% of £480.00.
  await expect(page.getByRole("heading", { name: "Pay £120.00" })).toBeVisible({ timeout: 20_000 });
  // Leaving Checkout without paying: the quote's page, opened again, offers the deposit still due.
  await page.goto(new URL(link!).pathname);
  await expect(page.getByText(/^Deposit due: £120\.00 \(invoice [A-Z]+-\d+\)$/)).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath("quote-deposit-due-phone.png"), fullPage: true });
  await page.getByRole("button", { name: "Pay the £120.00 deposit" }).click();
  await expect(page.getByRole("heading", { name: "Pay £120.00" })).toBeVisible({ timeout: 20_000 });
  await page.getByRole("button", { name: "Pay" }).click();
  await expect(page).toHaveURL(/\/i\/[A-Za-z0-9_-]{43}\/paid\?session_id=cs_test_/);
  await expect(page.getByRole("heading", { name: "Thank you, payment received" })).toBeVisible();
  await expect(page.getByText(/£120\.00 for invoice [A-Z]+-\d+ has been received/)).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath("deposit-paid-phone.png"), fullPage: true });
  // Paid: the quote's page no longer asks for it.
  await page.goto(new URL(link!).pathname);
  await expect(page.getByText(/Accepted by Dev Deposit/)).toBeVisible();
  await expect(page.getByText(/^Deposit due/)).toHaveCount(0);

  // The office: the quote is accepted; its one deposit invoice is issued and paid; the client was emailed it.
  expect((await (await api.get(`/api/admin/quotes/${quote.id}`)).json()).status).toBe("ACCEPTED");
  const invoices = (await (await api.get(`/api/admin/invoices?clientId=${client.id}`)).json()).items as { kind: string; status: string; number: string; payablePence: number }[];
  expect(invoices).toHaveLength(1);
  expect(invoices[0]).toMatchObject({ kind: "DEPOSIT", status: "PAID", payablePence: 12_000 });
  await expect
    .poll(async () => {
      const mail = await (await api.get(`/api/admin/system/mailbox?to=${encodeURIComponent(email)}`)).json();
      return (mail.items as { subject: string }[]).filter((m) => m.subject.includes(`Invoice ${invoices[0]!.number}`)).length;
    }, { timeout: 30_000 })
    .toBe(1);
  await office.close();
});
