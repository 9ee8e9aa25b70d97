import { expect, test } from "@playwright/test";
import { expectAccessible, expectNoHorizontalScroll, storageStateFor } from "./support/fixtures.ts";

test.describe("enquiries: public form to board to client", () => {
  test("a visitor's enquiry reaches the office board, is moved, noted and converted; the office is emailed", async ({ browser }) => {
    test.setTimeout(90_000); // the conversion now also opens the new draft quote and comes back
    const name = `Visitor ${Date.now().toString(36)} Example`;

    // The visitor, on a phone, with no account.
    const visitor = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const form = await visitor.newPage();
    await form.goto("/e/northgate");
    await expect(form.getByRole("heading", { level: 1 })).toHaveText("Tell us about the job");
    await expect(form.getByText("Northgate Plumbing & Heating").first()).toBeVisible();
    await expectAccessible(form);
    await expectNoHorizontalScroll(form);
    await form.getByRole("button", { name: "Send enquiry" }).click();
    await expect(form.getByText("Enter the person's name")).toBeVisible();
    await form.getByLabel("Your name").fill(name);
    await form.getByLabel("Email").fill("visitor@example.test");
    await form.getByLabel("Phone (optional)").fill("07700 900999");
    await form.getByLabel("Address (optional)").fill("5 Test Street");
    await form.getByLabel("Town or city (optional)").fill("Leeds");
    await form.getByLabel("Postcode (optional)").fill("LS1 1AA");
    await form.getByLabel("What do you need doing?").fill("Radiator in the hall stays cold.");
    await form.getByRole("button", { name: "Send enquiry" }).click();
    await expect(form.getByRole("status")).toContainText("Thank you, Visitor");
    await visitor.close();

    // The office sees it on the board in the first stage.
    const office = await browser.newContext({ storageState: storageStateFor("northgateAdmin") });
    const page = await office.newPage();
    await page.goto("/admin/enquiries?view=board");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Enquiries");
    const column = (stage: string) => page.getByRole("region", { name: new RegExp(`^${stage}\\b`) });
    await expect(column("New").getByRole("link", { name })).toBeVisible();
    await expectAccessible(page);

    // Moved with the card's "Move to…" select (no dragging needed).
    await column("New").getByLabel(`Move ${name} to another stage`).selectOption({ label: "Contacted" });
    await expect(column("Contacted").getByRole("link", { name })).toBeVisible();
    await expect(column("New").getByRole("link", { name })).toHaveCount(0);

    // A note, then the conversion.
    await column("Contacted").getByRole("link", { name }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
    await page.getByLabel("Add a note").fill("Rang back, visit on Monday");
    await page.getByRole("button", { name: "Add note" }).click();
    await expect(page.getByText("Rang back, visit on Monday").first()).toBeVisible();
    await expect(page.getByText("Moved from New to Contacted")).toBeVisible();
    const enquiryUrl = page.url();
    await page.getByRole("button", { name: "Convert to client" }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog).toContainText("and a site at their address, then opens a draft quote");
    await dialog.getByRole("button", { name: "Convert" }).click();
    // Client, site and draft quote in one step: the office lands in the new quote's builder.
    await expect(page).toHaveURL(/\/admin\/quotes\/[0-9a-f-]{36}\/edit$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Edit [A-Z-]*Q-\d{5} \(version 1\)$/);
    await expect(page.getByText(name).first()).toBeVisible();
    await expect(page.getByLabel("Title", { exact: true })).toHaveValue("Radiator in the hall stays cold.");
    const builderUrl = page.url();
    await page.goto(enquiryUrl);
    await expect(page.getByText(/^Converted to a client with a site on /)).toBeVisible();
    await expect(page.getByRole("button", { name: "Convert to client" })).toHaveCount(0);
    await page.getByRole("link", { name: /^Open draft quote [A-Z-]*Q-\d{5}$/ }).click();
    await expect(page).toHaveURL(builderUrl);

    // The notification email is in the mailbox.
    await expect
      .poll(
        async () => {
          const res = await office.request.get(`/api/admin/system/mailbox?to=${encodeURIComponent("office@northgate.test")}`);
          const body = (await res.json()) as { items: { subject: string; text: string }[] };
          return body.items.find((m) => m.subject.startsWith(`New enquiry from ${name}`))?.text ?? null;
        },
        { timeout: 20_000 },
      )
      .toContain("Radiator in the hall stays cold.");
    await office.close();
  });

  test("an unknown company's form is a friendly 404", async ({ page }) => {
    const res = await page.goto("/e/no-such-company");
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("We can’t find this enquiry form");
  });
});

test.describe("pipeline settings", () => {
  test.use({ storageState: storageStateFor("admin") });

  test("adds a stage, moves it up with the keyboard, and archives it while empty", async ({ page }) => {
    const stage = `Chase ${Date.now().toString(36)}`;
    await page.goto("/admin/settings/pipeline");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pipeline");
    await expectAccessible(page);
    const add = page.getByRole("region", { name: "Add a stage" });
    await add.getByLabel("Name").fill(stage);
    await add.getByRole("button", { name: "Add stage" }).click();
    const rows = page.getByRole("form", { name: /^Stage / });
    await expect(rows.last()).toHaveAccessibleName(`Stage ${stage}`);

    await page.getByRole("button", { name: `Move ${stage} up` }).focus();
    await page.keyboard.press("Enter");
    await expect(rows.nth((await rows.count()) - 2)).toHaveAccessibleName(`Stage ${stage}`);

    await page.getByRole("button", { name: `Archive ${stage}` }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Archive" }).click();
    await expect(page.getByRole("form", { name: `Stage ${stage}` })).toHaveCount(0);
  });
});
