import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, expectAccessible } from "./support/fixtures.ts";

// office@northgate.test is used by this journey only.
const EMAIL = "office@northgate.test";

test("signing out another session from the sessions list ends it on that device", async ({ browser }) => {
  const signIn = async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto("/login");
    await page.getByLabel("Email").fill(EMAIL);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/admin$/);
    return { context, page };
  };
  const laptop = await signIn();
  const phone = await signIn();

  await laptop.page.goto("/admin/account/security");
  const sessions = laptop.page.getByRole("region", { name: "Where you're signed in" });
  await expect(sessions.getByText("This device")).toHaveCount(1);
  const signOutOther = sessions.getByRole("button", { name: /^Sign out .+, last seen/ });
  await expect(signOutOther).toHaveCount(1);
  await expectAccessible(laptop.page);
  await signOutOther.click();
  await expect(laptop.page.getByText(/^Signed out /)).toBeVisible();
  await expect(sessions.getByRole("button", { name: /^Sign out .+, last seen/ })).toHaveCount(0);

  await phone.page.goto("/admin");
  await expect(phone.page).toHaveURL(/\/login/);
  // The laptop is still signed in.
  await laptop.page.goto("/admin");
  await expect(laptop.page.getByRole("heading", { level: 1 })).toHaveText(/Good to see you, Emma/);
  await laptop.context.close();
  await phone.context.close();
});
