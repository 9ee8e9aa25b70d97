import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, expectAccessible } from "./support/fixtures.ts";

const cases = [
  { email: "office@sparkright.test", url: /\/admin$/, heading: /Good to see you, Priya/ },
  { email: "engineer@northgate.test", url: /\/engineer$/, heading: /Hi Liam/ },
  { email: "client@northgate.test", url: /\/client$/, heading: /Hello Robert/ },
  { email: "operator@quantract.test", url: /\/platform$/, heading: /Companies/ },
];

for (const c of cases) {
  test(`${c.email} signs in and lands in their portal`, async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill(c.email);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(c.url);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(c.heading);
    await expectAccessible(page);
  });
}

test("a wrong password shows one generic message and no session", async ({ page, context }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("admin@northgate.test");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Email or password is incorrect." })).toBeVisible();
  expect((await context.cookies()).filter((c) => c.name.includes("qt_session"))).toEqual([]);
});

test("an engineer cannot open the admin portal", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("engineer2@sparkright.test");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/engineer$/);
  await page.goto("/admin/settings/company");
  await expect(page).toHaveURL(/\/engineer$/);
});
