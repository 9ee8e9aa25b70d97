import { expect, test } from "@playwright/test";
import { expectAccessible, storageStateFor } from "./support/fixtures.ts";

test.use({ storageState: storageStateFor("admin") });

test("office creates a client with a site and a contact, finds it by postcode, adds a note and sees it in the timeline", async ({ page }) => {
  const stamp = Date.now().toString(36);
  const name = `E2E Lettings ${stamp}`;
  // A unique but valid postcode: "M4 6BF" is shared by seed data, so vary the outward code's district.
  const postcode = `M${(Date.now() % 89) + 10} 6BF`;

  await page.goto("/admin/clients");
  await expect(page.getByRole("heading", { name: "Clients", level: 1 })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Add client" }).first().click();
  await expect(page.getByRole("heading", { name: "Add client", level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "Add client" }).click();
  await expect(page.getByText("Enter the client's name")).toBeVisible();
  await page.getByLabel("Type").selectOption("ORGANISATION");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(`office.${stamp}@example.test`);
  await page.getByLabel("Tags").fill("landlord, e2e");
  await page.getByRole("button", { name: "Add client" }).click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();

  await page.getByRole("button", { name: "Add site" }).click();
  const siteDialog = page.getByRole("dialog", { name: "Add site" });
  await siteDialog.getByLabel("Address line 1").fill("Flat 9, Murray's Mills");
  await siteDialog.getByLabel("Town or city").fill("Manchester");
  await siteDialog.getByLabel("Postcode").fill("12345");
  await siteDialog.getByRole("button", { name: "Add site" }).click();
  await expect(siteDialog.getByText("Enter a UK postcode, like M4 6BF")).toBeVisible();
  await siteDialog.getByLabel("Postcode").fill(postcode.replace(" ", "").toLowerCase());
  await siteDialog.getByLabel("Access notes").fill("Key safe 1234, side gate");
  await siteDialog.getByRole("button", { name: "Add site" }).click();
  await expect(siteDialog).toBeHidden();
  const sites = page.getByRole("region", { name: "Sites" });
  await expect(sites.getByText(postcode, { exact: true })).toBeVisible();
  await expect(sites.getByRole("link", { name: new RegExp(`Map of ${postcode}`) })).toHaveAttribute("href", `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(postcode)}`);

  await page.getByRole("button", { name: "Add contact" }).click();
  const contactDialog = page.getByRole("dialog", { name: "Add contact" });
  await contactDialog.getByLabel("Name").fill("Chloe Adeyemi");
  await contactDialog.getByLabel("Role").fill("Maintenance coordinator");
  await contactDialog.getByLabel("Email").fill(`chloe.${stamp}@example.test`);
  await contactDialog.getByRole("button", { name: "Add contact" }).click();
  await expect(contactDialog).toBeHidden();
  await expect(page.getByRole("region", { name: "Contacts" }).getByText("Chloe Adeyemi")).toBeVisible();

  // Search by postcode without the space finds it.
  await page.goto(`/admin/clients?q=${encodeURIComponent(postcode.replace(" ", ""))}`);
  const row = page.getByRole("row", { name: new RegExp(name) });
  await expect(row).toBeVisible();
  await expect(row.getByRole("cell", { name: "Chloe Adeyemi" })).toBeVisible();
  await row.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();

  await page.getByLabel("Add a note").fill("Tenant works nights: call before 2pm.");
  await page.getByRole("button", { name: "Add note" }).click();
  const timeline = page.getByRole("region", { name: "Timeline" });
  await expect(timeline.getByText("Tenant works nights: call before 2pm.")).toBeVisible();
  await expect(timeline.getByText("added a site")).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Communication" }).click();
  await expect(page.getByText("No email yet")).toBeVisible();
});

test("imports a 3-row CSV with one bad row", async ({ page }) => {
  const stamp = Date.now().toString(36);
  const csv = [
    "Name,Type,Email,Address line 1,Town,Postcode,Access notes",
    `"Import ${stamp}, Alpha",person,alpha.${stamp}@example.test,1 Oak Road,Leeds,ls27dj,"Key safe 1234, side gate"`,
    `Import ${stamp} Beta,organisation,beta.${stamp}@example.test,2 Elm Street,Leeds,LS1 4AP,`,
    `Import ${stamp} Bad,person,not-an-email,3 Ash Lane,Leeds,NOPE,`,
  ].join("\r\n");

  await page.goto("/admin/clients/import");
  await expect(page.getByRole("heading", { name: "Import clients from CSV", level: 1 })).toBeVisible();
  await page.getByLabel("…or paste it here").fill(csv);
  await page.getByRole("button", { name: "Check the file" }).click();
  const rows = page.getByRole("table", { name: "Rows in the file" });
  await expect(rows.getByRole("row", { name: /Bad/ }).getByText("Enter a valid email address")).toBeVisible();
  await expect(rows.getByRole("row", { name: /Bad/ }).getByText("Enter a UK postcode")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Import 2 clients" }).click();
  await expect(page.getByText("2 clients imported.")).toBeVisible();
  await expect(page.getByText("1 row had errors")).toBeVisible();

  await page.goto(`/admin/clients?q=${encodeURIComponent(`import ${stamp}`)}`);
  await expect(page.getByRole("row", { name: new RegExp(`Import ${stamp}, Alpha`) })).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(`Import ${stamp} Beta`) })).toBeVisible();
  await expect(page.getByRole("row", { name: /Bad/ })).toHaveCount(0);
});
