import { expect, test, type APIRequestContext } from "@playwright/test";
import { expectAccessible, storageStateFor } from "./support/fixtures.ts";

/** The newest link to `path` in mail sent to `to`, read from the built-in mailbox as an admin. */
async function linkFromMailbox(admin: APIRequestContext, to: string, path: string): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(
      async () => {
        const res = await admin.get(`/api/admin/system/mailbox?to=${encodeURIComponent(to)}`);
        const body = (await res.json()) as { items: { links: string[] }[] };
        link = body.items.flatMap((m) => m.links).find((l) => l.includes(path));
        return link;
      },
      { timeout: 20_000 },
    )
    .toBeTruthy();
  return new URL(link!).pathname;
}

test.describe.serial("email sign-in (engineer2@northgate.test)", () => {
  const email = "engineer2@northgate.test";

  test("signs in with a magic link read from the mailbox", async ({ page, browser }) => {
    await page.goto("/login");
    await page.getByRole("link", { name: "Email me a sign-in link" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in with an email link");
    await expectAccessible(page);
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    await expect(page.getByText("Check your email")).toBeVisible();

    const adminContext = await browser.newContext({ storageState: storageStateFor("northgateAdmin") });
    const path = await linkFromMailbox(adminContext.request, email, "/login/magic/");
    await adminContext.close();

    await page.goto(path);
    await expect(page.getByText(`Sign in as ${email}`)).toBeVisible();
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/engineer$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hi Chloe");

    // The link was single-use.
    await page.context().clearCookies();
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link has expired");
  });

  test("resets the password from the emailed link and signs in with the new one", async ({ page, browser }) => {
    await page.goto("/login");
    await page.getByRole("link", { name: "Forgot password?" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Reset your password");
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Email me a reset link" }).click();
    await expect(page.getByText("Check your email")).toBeVisible();

    const adminContext = await browser.newContext({ storageState: storageStateFor("northgateAdmin") });
    const path = await linkFromMailbox(adminContext.request, email, "/reset-password/");
    await adminContext.close();

    await page.goto(path);
    await expectAccessible(page);
    await page.getByLabel("New password", { exact: true }).fill("short");
    await page.getByLabel("Repeat the new password").fill("short");
    await page.getByRole("button", { name: "Set new password" }).click();
    await expect(page.getByText("Use at least 12 characters")).toBeVisible();
    await page.getByLabel("New password", { exact: true }).fill("boiler service on tuesday");
    await page.getByLabel("Repeat the new password").fill("boiler service on tuesday");
    await page.getByRole("button", { name: "Set new password" }).click();
    await expect(page).toHaveURL(/\/login\?reset=1$/);
    await expect(page.getByText("Your password has been changed")).toBeVisible();
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("boiler service on tuesday");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/engineer$/);
  });
});

test.describe("admin system area", () => {
  test.use({ storageState: storageStateFor("admin") });

  test("shows the worker running, the queues and the mailbox", async ({ page }) => {
    await page.goto("/admin/system");
    await expect(page.getByRole("heading", { name: "System", level: 1 })).toBeVisible();
    await expect(page.getByText("Worker running")).toBeVisible({ timeout: 15_000 });
    await expect(page.getByRole("rowheader", { name: "Email" })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("link", { name: "Open the mailbox" }).click();
    await expect(page.getByRole("heading", { name: "Mailbox", level: 1 })).toBeVisible();
    await expectAccessible(page);
  });

  test("downloads the company's change history as a PDF made by the worker", async ({ page }) => {
    await page.goto("/admin/settings/company");
    await page.getByLabel("Phone").fill("0161 496 0999");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByText("Company settings saved")).toBeVisible();
    const download = page.waitForEvent("download", { timeout: 30_000 });
    await page.getByRole("button", { name: "Download as PDF" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe("history-company-settings.pdf");
    const path = await file.path();
    const { readFile } = await import("node:fs/promises");
    expect((await readFile(path)).subarray(0, 5).toString()).toBe("%PDF-");
  });
});
