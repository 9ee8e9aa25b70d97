import { expect, test } from "@playwright/test";
import { expectAccessible, expectNoHorizontalScroll, storageStateFor } from "./support/fixtures.ts";

test.use({ storageState: storageStateFor("engineer") });

test("the engineer portal fits a phone, shows connection state and signs out", async ({ page }) => {
  await page.goto("/engineer");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hi Dan");
  await expect(page.getByRole("status").filter({ hasText: "Online" })).toBeVisible();
  await expectNoHorizontalScroll(page);
  await expectAccessible(page);
  const nav = page.getByRole("navigation");
  const more = nav.getByRole("link", { name: "More" });
  const box = await more.boundingBox();
  expect(box!.height).toBeGreaterThanOrEqual(44);
  await more.click();
  await expect(page).toHaveURL(/\/engineer\/more$/);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/engineer");
  await expect(page).toHaveURL(/\/login/);
});
