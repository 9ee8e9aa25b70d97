/**
 * The sales journey end to end, through the UI only: the office saves a price book item, creates
 * a client and a site, builds a quote with a section (priced from the price book), an option group
 * and an add-on, and sends it; the link is read from the built-in mailbox and opened in a fresh
 * browser at phone size, where the client picks an option and the add-on, signs with the mouse and
 * accepts; the office then sees "Accepted", downloads the agreement PDF and finds both emails
 * (the client's confirmation and the office's notice) and the client's timeline and history.
 */
import { expect, test } from "@playwright/test";
import { expectAccessible, expectNoHorizontalScroll, storageStateFor } from "./support/fixtures.ts";

test.use({ storageState: storageStateFor("admin") });

test("office quotes a new client from the price book; the client accepts on a phone; the office sees it accepted", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const stamp = Date.now().toString(36);
  const clientName = `Journey Client ${stamp}`;
  const clientEmail = `journey.${stamp}@example.test`;
  const itemName = `Double socket, white ${stamp}`;
  const title = `Kitchen and garden electrics ${stamp}`;

  // 1. A price book item (cost £25.00 + 20% markup = sells at £30.00).
  await page.goto("/admin/settings");
  await page.getByRole("link", { name: /Price book/ }).click();
  await expect(page.getByRole("heading", { name: "Price book", level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "Add item" }).first().click();
  const itemDialog = page.getByRole("dialog", { name: "Add price book item" });
  await itemDialog.getByRole("button", { name: "Add item" }).click();
  await expect(itemDialog.getByText("Describe the item")).toBeVisible();
  await itemDialog.getByLabel("Description").fill(itemName);
  await itemDialog.getByLabel("Unit (optional)").fill("each");
  await itemDialog.getByLabel("Unit price").fill("25");
  await itemDialog.getByLabel("Markup").fill("20");
  await itemDialog.getByRole("button", { name: "Add item" }).click();
  await expect(itemDialog).toBeHidden();
  const itemRow = page.getByRole("row", { name: new RegExp(itemName) });
  await expect(itemRow.getByRole("cell", { name: "£30.00" })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath("price-book.png"), fullPage: true });

  // 2. The client, with an email for the quote, and a site.
  await page.goto("/admin/clients/new");
  await page.getByLabel("Name").fill(clientName);
  await page.getByLabel("Email").fill(clientEmail);
  await page.getByRole("button", { name: "Add client" }).click();
  await expect(page.getByRole("heading", { name: clientName, level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "Add site" }).click();
  const siteDialog = page.getByRole("dialog", { name: "Add site" });
  await siteDialog.getByLabel("Address line 1").fill("27 Orchard Way");
  await siteDialog.getByLabel("Town or city").fill("Stockport");
  await siteDialog.getByLabel("Postcode").fill("sk4 1aa");
  await siteDialog.getByRole("button", { name: "Add site" }).click();
  await expect(siteDialog).toBeHidden();
  await expect(page.getByRole("region", { name: "Sites" }).getByText("SK4 1AA", { exact: true })).toBeVisible();

  // 3. The quote: a general line, a "Kitchen" section priced from the price book, an option group and an add-on.
  await page.getByRole("link", { name: "New quote" }).click();
  await expect(page.getByRole("heading", { name: "New quote", level: 1 })).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Client" })).toHaveValue(clientName);
  await expect(page.getByLabel("Site", { exact: true }).locator("option:checked")).toHaveText("27 Orchard Way, SK4 1AA");
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Line 1 description").fill("Call-out, testing and certificate");
  await page.getByLabel("Unit price").first().fill("60");

  await page.getByRole("button", { name: "Add section" }).click();
  await page.getByLabel("Section name").fill("Kitchen");
  const kitchen = page.getByRole("region", { name: "Section Kitchen" });
  await kitchen.getByRole("button", { name: /Add from price book/ }).click();
  const picker = page.getByRole("dialog", { name: "Add from the price book" });
  await picker.getByLabel("Search the price book").fill(stamp);
  await picker.getByRole("button", { name: `Add ${itemName}` }).click();
  await expect(picker).toBeHidden();
  // The section's blank line was filled from the item: kind, description, price, markup and VAT.
  await expect(kitchen.getByRole("textbox", { name: /description/ })).toHaveValue(itemName);
  await expect(kitchen.getByLabel("Unit price")).toHaveValue("25.00");
  await expect(kitchen.getByLabel("Markup")).toHaveValue("20");
  await expect(kitchen.getByLabel("Type")).toHaveValue("MATERIALS");
  await expect(kitchen.getByLabel("VAT")).toHaveValue("2000");
  await kitchen.getByLabel("Quantity").fill("4");
  await expect(kitchen.getByTestId("section-subtotal")).toHaveText("Subtotal £120.00");

  const outside = page.getByRole("region", { name: "Lines outside sections" });
  await outside.getByRole("button", { name: "Add line", exact: true }).click();
  await page.getByLabel("Line 2 description").fill("Standard LED downlights (6)");
  await outside.getByLabel("Shown as").nth(1).selectOption("OPTION");
  await outside.getByLabel("Option group").nth(0).fill("Lighting");
  await outside.getByLabel("Option name").nth(0).fill("Standard");
  await outside.getByLabel("Unit price").nth(1).fill("120");

  await outside.getByRole("button", { name: "Add line", exact: true }).click();
  await page.getByLabel("Line 3 description").fill("Dimmable smart downlights (6)");
  await outside.getByLabel("Shown as").nth(2).selectOption("OPTION");
  await outside.getByLabel("Option group").nth(1).fill("Lighting");
  await outside.getByLabel("Option name").nth(1).fill("Smart");
  await outside.getByLabel("Unit price").nth(2).fill("260");

  await outside.getByRole("button", { name: "Add line", exact: true }).click();
  await page.getByLabel("Line 4 description").fill("Outdoor IP66 double socket");
  await outside.getByLabel("Shown as").nth(3).selectOption("ADDON");
  await outside.getByLabel("Add-on name").fill("Outdoor socket");
  await outside.getByLabel("Unit price").nth(3).fill("85");
  await expect(page.getByLabel("Line 5 description")).toHaveValue(itemName);

  // £60 + £120 (kitchen) + £120 (standard lighting) = £300 + VAT £60 = £360; the add-on is not ticked by default.
  await expect(page.getByTestId("builder-total")).toHaveText("£360.00");
  await page.screenshot({ path: test.info().outputPath("builder.png"), fullPage: true });
  await expectAccessible(page);
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page).toHaveURL(/\/admin\/quotes\/[0-9a-f-]{36}$/);
  const quoteUrl = page.url();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(title);

  // 4. Send it.
  await page.getByRole("button", { name: "Send to client" }).click();
  await page.getByRole("button", { name: "Send quote" }).click();
  await expect(page.getByText("Quote sent")).toBeVisible();
  await expect(page.getByText(/Version 1: £360\.00, sent/)).toBeVisible();

  // 5. The link, read from the built-in mailbox.
  const quoteMail = page.getByRole("link", { name: new RegExp(`Quote Q-\\d+: ${title}`) });
  await expect
    .poll(
      async () => {
        await page.goto(`/admin/system/mailbox?to=${encodeURIComponent(clientEmail)}`);
        return quoteMail.count();
      },
      { timeout: 30_000 },
    )
    .toBe(1);
  await quoteMail.click();
  await page.getByText("Plain-text version").click();
  const plain = await page.locator("details pre").innerText();
  const link = /https?:\/\/\S+\/q\/[A-Za-z0-9_-]{43}/.exec(plain)?.[0];
  expect(link, plain).toBeTruthy();

  // 6. The client, in a fresh browser at phone size, with no account.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const client = await phone.newPage();
  await client.goto(new URL(link!).pathname);
  await expect(client.getByRole("heading", { level: 1 })).toHaveText(title);
  const section = client.getByRole("region", { name: "Kitchen", exact: true });
  await expect(section.getByText(itemName)).toBeVisible();
  await expect(section.getByTestId("section-subtotal")).toHaveText("£120.00");
  await expect(client.getByTestId("quote-total")).toHaveText("£360.00");
  await expectNoHorizontalScroll(client);
  await expectAccessible(client);
  await client.screenshot({ path: test.info().outputPath("client-phone.png"), fullPage: true });

  await client.getByRole("radio", { name: /Smart/ }).check();
  await client.getByRole("checkbox", { name: /Outdoor socket/ }).check();
  // £60 + £120 + £260 + £85 = £525 + VAT £105 = £630.
  await expect(client.getByTestId("quote-total")).toHaveText("£630.00");
  await client.getByLabel("Your full name").fill("Hannah Journey");
  const pad = client.getByRole("img", { name: "Your signature" });
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  await client.mouse.move(box.x + 20, box.y + box.height / 2);
  await client.mouse.down();
  for (let i = 1; i <= 10; i++) await client.mouse.move(box.x + 20 + i * 25, box.y + box.height / 2 + (i % 2 ? 18 : -18));
  await client.mouse.up();
  await client.getByRole("checkbox", { name: /I accept this quote for £630\.00/ }).check();
  await client.getByRole("button", { name: "Accept and sign" }).click();
  await expect(client.getByText("Accepted by Hannah Journey, thank you.")).toBeVisible();
  await phone.close();

  // 7. The office sees it accepted, with the agreement PDF.
  await page.goto(quoteUrl);
  await expect(page.getByText("Accepted", { exact: true }).first()).toBeVisible();
  await expect(page.getByText(/Signed by Hannah Journey on .* for £630\.00/)).toBeVisible();
  const certificate = page.getByRole("link", { name: "Download the agreement certificate (PDF)" });
  await expect
    .poll(
      async () => {
        await page.reload();
        return certificate.count();
      },
      { timeout: 30_000 },
    )
    .toBe(1);
  const download = page.waitForEvent("download");
  await certificate.click();
  expect((await download).suggestedFilename()).toMatch(/^agreement-q-\d+\.pdf$/);

  // 8. Both emails: the client's confirmation and the office's notice.
  const number = (await page.getByRole("heading", { level: 1 }).innerText()).match(/Q-\d+/)![0];
  await expect
    .poll(
      async () => {
        await page.goto(`/admin/system/mailbox?to=${encodeURIComponent(clientEmail)}`);
        return page.getByRole("link", { name: new RegExp(`You accepted quote ${number}`) }).count();
      },
      { timeout: 30_000 },
    )
    .toBe(1);
  await expect
    .poll(
      async () => {
        await page.goto(`/admin/system/mailbox?to=${encodeURIComponent("admin@sparkright.test")}`);
        return page.getByRole("link", { name: new RegExp(`Accepted: ${number} ${title} \\(£630\\.00\\)`) }).count();
      },
      { timeout: 30_000 },
    )
    .toBe(1);

  // 9. The client's page: its timeline merges the quote's story; the communication tab lists both emails to the client.
  await page.goto("/admin/clients");
  await page.getByLabel("Search").fill(clientName);
  await page.getByRole("button", { name: "Filter" }).click();
  await page.getByRole("link", { name: clientName }).click();
  const timeline = page.getByRole("region", { name: "Timeline" });
  await expect(timeline.getByText(`accepted and signed quote ${number} for £630.00`)).toBeVisible();
  await expect(timeline.getByText(`sent quote ${number} for £360.00`)).toBeVisible();
  await expect(timeline.getByText(`created quote ${number}: ${title}`)).toBeVisible();
  await expect(timeline.getByText("added a site")).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath("client-timeline.png"), fullPage: true });
  await page.getByRole("link", { name: "Communication" }).click();
  const history = page.getByRole("table", { name: "Email sent to this client" });
  await expect(history.getByRole("row", { name: new RegExp(`You accepted quote ${number}`) })).toBeVisible();
  await expect(history.getByRole("row", { name: new RegExp(`Quote ${number}: ${title}`) })).toBeVisible();
});
