import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, expectAccessible, expectNoHorizontalScroll, USERS } from "./support/fixtures.ts";

// This test signs out, so it signs in for itself: signing out the shared engineer session (the
// saved storage state) would sign out every other engineer test running alongside it.
test("the engineer portal fits a phone, shows connection state and signs out", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(USERS.engineer);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/engineer$/);
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
