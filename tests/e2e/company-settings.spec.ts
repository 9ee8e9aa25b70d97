import { expect, test } from "@playwright/test";
import { expectAccessible, storageStateFor } from "./support/fixtures.ts";

test.use({ storageState: storageStateFor("northgateAdmin") });

test("an admin changes payment terms and sees the change in the history", async ({ page }) => {
  await page.goto("/admin/settings/company");
  await expect(page.getByRole("heading", { name: "Company settings" })).toBeVisible();
  await expectAccessible(page);

  const terms = page.getByLabel("Payment terms");
  await terms.fill("21");
  await page.getByLabel("Primary colour").fill("not a colour");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Use a colour like #1d4ed8")).toBeVisible();

  await page.getByLabel("Primary colour").fill("#0f766e");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Company settings saved")).toBeVisible();
  const history = page.getByRole("region", { name: "Change history" });
  await expect(history.getByText("Payment terms days")).toBeVisible();
  await expect(history.getByText("21", { exact: true })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Payment terms")).toHaveValue("21");
});

test("the office can read company settings but not change them", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStateFor("office") });
  const page = await context.newPage();
  await page.goto("/admin/settings/company");
  await expect(page.getByText("Only an admin can change these settings.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Save changes" })).toHaveCount(0);
  const res = await page.request.patch("/api/admin/company", { data: { paymentTermsDays: 7 }, headers: { origin: new URL(page.url()).origin } });
  expect(res.status()).toBe(403);
  await context.close();
});
