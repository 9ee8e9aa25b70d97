import { expect, test } from "@playwright/test";
import { expectAccessible, storageStateFor } from "./support/fixtures.ts";

test.use({ storageState: storageStateFor("admin") });

test("the office builds a quote with an option group and an add-on, then sends it", async ({ page, baseURL }) => {
  const name = `Builder Client ${Date.now()}`;
  const email = `builder-${Date.now()}@example.test`;
  const created = await page.request.post("/api/admin/clients", { headers: { origin: baseURL! }, data: { name, email } });
  expect(created.status()).toBe(201);

  await page.goto("/admin/quotes/new");
  await expect(page.getByRole("heading", { name: "New quote", level: 1 })).toBeVisible();
  await page.getByRole("combobox", { name: "Client" }).fill(name);
  await page.getByRole("option", { name: new RegExp(name) }).click();
  await expect(page.getByRole("combobox", { name: "Client" })).toHaveValue(name);
  await page.getByLabel("Title", { exact: true }).fill("Bathroom extractor and lighting");
  await page.getByLabel("Line 1 description").fill("Fit humidity-controlled extractor");
  await page.getByLabel("Quantity").first().fill("1.5");
  await page.getByLabel("Unit price").first().fill("48");

  await page.getByRole("button", { name: "Add line" }).click();
  await page.getByLabel("Line 2 description").fill("IP65 downlights, white");
  await page.getByLabel("Shown as").nth(1).selectOption("OPTION");
  await page.getByLabel("Option group").first().fill("Lighting");
  await page.getByLabel("Option name").first().fill("Good");
  await page.getByLabel("Unit price").nth(1).fill("60");

  await page.getByRole("button", { name: "Add line" }).click();
  await page.getByLabel("Line 3 description").fill("IP65 downlights, brushed chrome");
  await page.getByLabel("Shown as").nth(2).selectOption("OPTION");
  await page.getByLabel("Option group").nth(1).fill("Lighting");
  await page.getByLabel("Option name").nth(1).fill("Better");
  await page.getByLabel("Unit price").nth(2).fill("95");

  await page.getByRole("button", { name: "Add line" }).click();
  await page.getByLabel("Line 4 description").fill("Mirror demister pad");
  await page.getByLabel("Shown as").nth(3).selectOption("ADDON");
  await page.getByLabel("Add-on name").fill("Demister");
  await page.getByLabel("Unit price").nth(3).fill("40");

  // 1.5 × £48 = £72 + "Good" £60 = £132 net; VAT £26.40 → £158.40 (add-on not ticked by default).
  await expect(page.getByTestId("builder-total")).toHaveText("£158.40");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Save draft" }).click();

  await expect(page).toHaveURL(/\/admin\/quotes\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Bathroom extractor and lighting");
  await expect(page.getByText("Draft", { exact: true })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Send to client" }).click();
  await page.getByRole("button", { name: "Send quote" }).click();
  await expect(page.getByText("Quote sent")).toBeVisible();
  await expect(page.getByText(/Version 1: £158\.40, sent/)).toBeVisible();

  await expect
    .poll(async () => {
      const box = await (await page.request.get(`/api/admin/system/mailbox?to=${encodeURIComponent(email)}`)).json();
      return (box.items as { subject: string }[]).map((m) => m.subject).join("|");
    }, { timeout: 20_000 })
    .toMatch(/Quote .*: Bathroom extractor and lighting/);
});
