/**
 * The client's side of the core journey, at phone size: a quote sent by the office (through the
 * API here; the builder UI comes with the rest of the sales issue) is opened from the link in the
 * email, an option and an add-on are chosen, the client signs with the pointer and accepts; the
 * office is told by email and the signed agreement can be downloaded.
 */
import { expect, test } from "@playwright/test";
import { expectAccessible, expectNoHorizontalScroll, storageStateFor } from "./support/fixtures.ts";

test("a client accepts a quote from the emailed link, choosing an option and signing", async ({ page, browser }) => {
  const office = await browser.newContext({ storageState: storageStateFor("admin") });
  const api = office.request;
  const baseURL = test.info().project.use.baseURL!;
  const headers = { origin: baseURL };
  const email = `accept-${Date.now()}@example.test`;
  const client = await (await api.post("/api/admin/clients", { headers, data: { name: "Marion Hale", email } })).json();
  expect(client.id).toBeTruthy();
  const quote = await (
    await api.post("/api/admin/quotes", {
      headers,
      data: {
        clientId: client.id,
        title: "Garden room electrics",
        terms: "50% deposit on booking.",
        lines: [
          { kind: "LABOUR", description: "Armoured cable run and connection", quantityMilli: 8000, unitPricePence: 4500, vatRateBps: 2000 },
          { kind: "FIXED", description: "Standard LED downlights", quantityMilli: 1000, unitPricePence: 12000, vatRateBps: 2000, placement: "OPTION", groupName: "Lighting", optionName: "Standard" },
          { kind: "FIXED", description: "Dimmable smart downlights", quantityMilli: 1000, unitPricePence: 26000, vatRateBps: 2000, placement: "OPTION", groupName: "Lighting", optionName: "Smart" },
          { kind: "FIXED", description: "Outdoor IP66 socket", quantityMilli: 1000, unitPricePence: 8500, vatRateBps: 2000, placement: "ADDON", addonName: "Outdoor socket" },
        ],
      },
    })
  ).json();
  expect((await api.post(`/api/admin/quotes/${quote.id}/send`, { headers })).status()).toBe(200);

  let link: string | undefined;
  await expect
    .poll(async () => {
      const box = await (await api.get(`/api/admin/system/mailbox?to=${encodeURIComponent(email)}`)).json();
      link = (box.items as { links: string[] }[]).flatMap((m) => m.links).find((l) => l.includes("/q/"));
      return link;
    }, { timeout: 20_000 })
    .toBeTruthy();

  await page.goto(new URL(link!).pathname);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Garden room electrics");
  // 8 × £45 + standard £120 = £480 + VAT £96 = £576.
  await expect(page.getByTestId("quote-total")).toHaveText("£576.00");
  await expectNoHorizontalScroll(page);
  await expectAccessible(page);

  await page.getByRole("radio", { name: /Smart/ }).check();
  await page.getByRole("checkbox", { name: /Outdoor socket/ }).check();
  // 360 + 260 + 85 = £705 + VAT £141 = £846.
  await expect(page.getByTestId("quote-total")).toHaveText("£846.00");

  await page.getByRole("button", { name: "Accept and sign" }).click();
  await expect(page.getByText("Sign in the box")).toBeVisible();
  await page.getByLabel("Your full name").fill("Marion Hale");
  const pad = page.getByRole("img", { name: "Your signature" });
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + 20, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + 20 + i * 20, box.y + box.height / 2 + (i % 2 ? 15 : -15));
  await page.mouse.up();
  await page.getByRole("checkbox", { name: /I accept this quote/ }).check();
  await page.getByRole("button", { name: "Accept and sign" }).click();
  await expect(page.getByText("Accepted by Marion Hale, thank you.")).toBeVisible();

  const accepted = await (await api.get(`/api/admin/quotes/${quote.id}`)).json();
  expect(accepted.status).toBe("ACCEPTED");
  expect(accepted.grossPence).toBe(84600);

  await expect
    .poll(async () => {
      await page.reload();
      return page.getByRole("link", { name: "Download your signed agreement (PDF)" }).count();
    }, { timeout: 30_000 })
    .toBe(1);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download your signed agreement (PDF)" }).click();
  expect((await download).suggestedFilename()).toMatch(/^agreement-q-\d+\.pdf$/);

  const officeMail = await (await api.get("/api/admin/system/mailbox?to=admin%40sparkright.test")).json();
  expect((officeMail.items as { subject: string }[]).some((m) => m.subject.startsWith("Accepted:") && m.subject.includes("Garden room electrics"))).toBe(true);
  await office.close();
});
