import { expect, test } from "@playwright/test";
import { generate } from "otplib";
import { DEMO_PASSWORD, expectAccessible } from "./support/fixtures.ts";

// mfa@sparkright.test exists for this journey only: no other spec signs in as them.
const EMAIL = "mfa@sparkright.test";

test("an office user turns on MFA with a code from the key on the page, then signs in with a code", async ({ page, browser }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(EMAIL);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/admin$/);

  await page.goto("/admin/account/security");
  await expect(page.getByRole("heading", { name: "Account security", level: 1 })).toBeVisible();
  await expect(page.getByRole("region", { name: "Where you're signed in" }).getByText("This device")).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Set up two-factor authentication" }).click();
  await expect(page.getByRole("img", { name: "QR code to scan with your authenticator app" })).toBeVisible();
  await expectAccessible(page);
  const secret = (await page.getByTestId("mfa-secret").innerText()).replace(/\s+/g, "");
  await page.getByLabel("6-digit code").fill("000000");
  await page.getByRole("button", { name: "Turn on" }).click();
  await expect(page.getByText("That code didn't match")).toBeVisible();
  await page.getByLabel("6-digit code").fill(await generate({ secret }));
  await page.getByRole("button", { name: "Turn on" }).click();

  const codes = page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
  await expect(codes).toHaveCount(10);
  await expect(page.getByText("You won’t see them again.")).toBeVisible();
  await page.getByRole("button", { name: "I’ve saved them" }).click();
  const mfaCard = page.getByRole("region", { name: "Two-factor authentication" });
  await expect(mfaCard.getByText("On", { exact: true })).toBeVisible();
  await expect(mfaCard.getByText("10 of 10 recovery codes left.")).toBeVisible();

  // A new browser: password, then the code (the next time step: the enrolment's step can't be replayed).
  const other = await browser.newContext();
  const p2 = await other.newPage();
  await p2.goto("/login");
  await p2.getByLabel("Email").fill(EMAIL);
  await p2.getByLabel("Password").fill(DEMO_PASSWORD);
  await p2.getByRole("button", { name: "Sign in" }).click();
  await expect(p2).toHaveURL(/\/login\/mfa$/);
  await expect(p2.getByRole("heading", { name: "Two-factor authentication" })).toBeVisible();
  await expectAccessible(p2);
  await p2.getByLabel("Authentication code").fill("123456");
  await p2.getByRole("button", { name: "Verify" }).click();
  await expect(p2.getByRole("alert").filter({ hasText: "That code didn't work" })).toBeVisible();
  await p2.getByLabel("Authentication code").fill(await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }));
  await p2.getByRole("button", { name: "Verify" }).click();
  await expect(p2).toHaveURL(/\/admin$/);
  await expect(p2.getByRole("heading", { level: 1 })).toHaveText(/Good to see you, Maya/);
  await other.close();
});
