import { expect, test } from "@playwright/test";
import { expectAccessible } from "./support/fixtures.ts";

test("the sign-in page renders, is accessible and carries the security headers", async ({ page }) => {
  const res = await page.goto("/login");
  expect(res?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/sign in/i);
  await expect(page.getByLabel("Email")).toBeVisible();
  await expect(page.getByLabel("Password")).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  const headers = res!.headers();
  expect(headers["content-security-policy"]).toMatch(/frame-ancestors 'none'/);
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-/);
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  // Scripts run under the nonce CSP (the form is interactive): client-side validation answers.
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter a valid email address")).toBeVisible();
  await expectAccessible(page);
});

test("portals send anonymous visitors to sign-in and back afterwards", async ({ page }) => {
  await page.goto("/admin/settings/company");
  await expect(page).toHaveURL(/\/login\?next=%2Fadmin%2Fsettings%2Fcompany/);
  await page.getByLabel("Email").fill("admin@sparkright.test");
  await page.getByLabel("Password").fill("Quantract-demo-1");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/admin\/settings\/company$/);
  await expect(page.getByRole("heading", { name: "Company settings" })).toBeVisible();
});

test("health answers 200 with every part named", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body).toMatchObject({ status: "ok", db: "ok", redis: "ok" });
  expect(["ok", "stale"]).toContain(body.worker);
});

test("unknown pages get a friendly 404", async ({ page }) => {
  const res = await page.goto("/no-such-page");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectAccessible(page);
});
