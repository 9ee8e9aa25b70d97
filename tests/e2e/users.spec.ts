import { expect, test, type APIRequestContext } from "@playwright/test";
import { expectAccessible, storageStateFor } from "./support/fixtures.ts";

test.use({ storageState: storageStateFor("northgateAdmin") });

async function inviteLink(request: APIRequestContext, to: string): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(
      async () => {
        const res = await request.get(`/api/admin/system/mailbox?to=${encodeURIComponent(to)}`);
        const body = (await res.json()) as { items: { links: string[] }[] };
        link = body.items.flatMap((m) => m.links).find((l) => l.includes("/invite/"));
        return link;
      },
      { timeout: 20_000 },
    )
    .toBeTruthy();
  return new URL(link!).pathname;
}

test("an admin invites someone, they set a password from the emailed link, and the admin changes their role", async ({ page, browser }) => {
  const email = `new.starter.${Date.now()}@example.test`;
  await page.goto("/admin/settings/users");
  await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Invite someone" }).click();
  const invite = page.getByRole("dialog", { name: "Invite someone" });
  await invite.getByLabel("Name").fill("Jordan Pike");
  await invite.getByLabel("Email").fill(email);
  await invite.getByLabel("Role").selectOption("ENGINEER");
  await invite.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`Invitation sent to ${email}`)).toBeVisible();
  await expect(page.getByRole("region", { name: "Pending invitations" }).getByText(email)).toBeVisible();

  // The new starter opens the link from the email in their own browser.
  const path = await inviteLink(page.request, email);
  const starter = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const sp = await starter.newPage();
  await sp.goto(path);
  await expect(sp.getByRole("heading", { name: "Join Northgate Plumbing & Heating" })).toBeVisible();
  await expectAccessible(sp);
  await sp.getByLabel("Your name").fill("Jordan Pike");
  await sp.getByLabel("Choose a password").fill("copper pipes and solder");
  await sp.getByLabel("Repeat the password").fill("copper pipes and solder");
  await sp.getByRole("button", { name: "Set password and join" }).click();
  await expect(sp).toHaveURL(/\/engineer$/);
  await expect(sp.getByRole("heading", { level: 1 })).toHaveText("Hi Jordan");
  await starter.close();

  // The admin makes them office staff.
  await page.goto(`/admin/settings/users?q=${encodeURIComponent(email)}`);
  const row = page.getByRole("row", { name: /Jordan Pike/ });
  await expect(row.getByRole("cell", { name: "Engineer", exact: true })).toBeVisible();
  await row.getByRole("button", { name: "Manage Jordan Pike" }).click();
  const dialog = page.getByRole("dialog", { name: "Jordan Pike" });
  await expectAccessible(page);
  await dialog.getByLabel("Role").selectOption("OFFICE");
  await expect(dialog.getByLabel("Manage invoices")).toBeChecked();
  await dialog.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Saved Jordan Pike")).toBeVisible();
  await expect(page.getByRole("row", { name: /Jordan Pike/ }).getByRole("cell", { name: "Office", exact: true })).toBeVisible();
});
