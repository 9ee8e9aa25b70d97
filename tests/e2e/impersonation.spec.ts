import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, expectAccessible } from "./support/fixtures.ts";

test("an admin acts as an engineer with a banner on every page, then stops and is back in the admin portal", async ({ page }) => {
  // A fresh sign-in: starting to impersonate replaces this session, so don't use a shared stored one.
  await page.goto("/login");
  await page.getByLabel("Email").fill("admin@sparkright.test");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/admin$/);

  await page.goto("/admin/settings/users");
  await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "Manage Tom Okafor" }).click();
  const dialog = page.getByRole("dialog", { name: "Tom Okafor" });
  await dialog.getByRole("button", { name: "Act as Tom" }).click();

  await expect(page).toHaveURL(/\/engineer$/);
  const banner = page.getByRole("region", { name: "Acting as another user" });
  await expect(banner).toContainText("You are acting as Tom Okafor");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hi Tom");
  await expectAccessible(page);
  await page.getByRole("navigation").getByRole("link", { name: "More" }).click();
  await expect(page).toHaveURL(/\/engineer\/more$/);
  await expect(banner).toBeVisible();

  await banner.getByRole("button", { name: "Stop acting as Tom" }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Good to see you, Sarah/);
  await expect(page.getByRole("region", { name: "Acting as another user" })).toHaveCount(0);
  // The trail names both people.
  await expect(page.getByText("Stopped acting as a user").first()).toBeVisible();
});
