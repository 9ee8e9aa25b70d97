/**
 * The whole visit offline, on a phone: the office books a job for Dan (client, site, checklist,
 * visit today, through the office API); Dan opens it from Today, loses the signal, ticks the
 * required items, adds a note and a photo, clocks in and out with a break, gets the client's name
 * and signature and completes the job; a reload with no signal still shows the job and his
 * waiting changes (service worker + the phone's store); back online, everything syncs and the
 * office sees each thing exactly once.
 */
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { signaturePng } from "../support/png.ts";
import { expectAccessible, expectNoHorizontalScroll, storageStateFor, USERS } from "./support/fixtures.ts";

test.use({ storageState: storageStateFor("engineer") });

type Json = Record<string, unknown>;

async function ok(res: Awaited<ReturnType<APIRequestContext["post"]>>, status = [200, 201]): Promise<Json> {
  expect(status, `${res.url()} → ${res.status()}: ${await res.text()}`).toContain(res.status());
  return (await res.json()) as Json;
}

/** The office books a job for the demo engineer today, with a checklist of two required items and one optional. */
async function bookJob(api: APIRequestContext, headers: Record<string, string>, title: string) {
  const users = (await ok(await api.get("/api/admin/users?limit=100"))) as { items: { id: string; email: string }[] };
  const engineer = users.items.find((u) => u.email === USERS.engineer)!;
  expect(engineer, "the demo engineer exists").toBeTruthy();
  const client = await ok(await api.post("/api/admin/clients", { headers, data: { name: `Priya Patel ${Date.now()}`, phone: "07700 900123" } }));
  const site = await ok(
    await api.post(`/api/admin/clients/${client.id}/sites`, { headers, data: { addressLine1: "12 Mill Lane", town: "Stockport", postcode: "SK4 1AA", accessNotes: "Key safe by the back door, code 4471" } }),
  );
  const job = await ok(await api.post("/api/admin/jobs", { headers, data: { clientId: client.id, siteId: site.id, title, scope: "Replace the consumer unit with a dual-RCD board; test and certify." } }));
  const template = await ok(
    await api.post("/api/admin/checklist-templates", {
      headers,
      data: { title: `Board change ${Date.now()}`, items: [{ label: "Isolate the supply", required: true }, { label: "Test the RCDs", required: true }, { label: "Photograph the old board", required: false }] },
    }),
  );
  await ok(await api.post(`/api/admin/jobs/${job.id}/checklists`, { headers, data: { templateId: template.id } }));
  // A visit now (the planner's API), or, where that isn't available, a plain assignment.
  const start = new Date(Date.now() - 10 * 60_000);
  const visit = await api.post("/api/admin/schedule", {
    headers,
    data: { jobId: job.id, engineerId: engineer.id, startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 2 * 3600_000).toISOString(), overrideReason: "e2e booking" },
  });
  if (visit.status() === 404) await ok(await api.post(`/api/admin/jobs/${job.id}/assignments`, { headers, data: { engineerId: engineer.id } }));
  else await ok(visit);
  return { jobId: job.id as string, number: job.number as string, visited: visit.status() !== 404 };
}

async function syncStatus(page: Page) {
  return page.getByRole("status").filter({ hasText: /Online|Offline/ });
}

test("an engineer does a whole visit offline and the office sees it once when the phone reconnects", async ({ page, context, browser }) => {
  test.setTimeout(120_000);
  const office = await browser.newContext({ storageState: storageStateFor("admin") });
  const api = office.request;
  const headers = { origin: test.info().project.use.baseURL! };
  const title = `Consumer unit swap ${Date.now()}`;
  const booked = await bookJob(api, headers, title);

  // Online: today's job is on the Today screen (or on Jobs when only assigned), and opens.
  await page.goto(booked.visited ? "/engineer" : "/engineer/jobs");
  const card = page.getByRole("link", { name: new RegExp(title) });
  await expect(card).toBeVisible();
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: test.info().outputPath("engineer-today.png"), fullPage: true });
  await card.click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("Key safe by the back door, code 4471")).toBeVisible();
  await expect(page.getByRole("link", { name: /Call 07700 900123/ })).toHaveAttribute("href", "tel:07700900123");
  await expect(page.getByRole("link", { name: "Open in maps" })).toHaveAttribute("href", /google\.com\/maps.*SK4/);
  await expectNoHorizontalScroll(page);
  await expectAccessible(page);

  // The service worker controls the page (so a reload works with no signal) and the job is on the phone.
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 30_000 });
  await page.waitForFunction(
    async (path) => !!(await (await caches.open("qt-engineer-pages-v1")).match(path)),
    `/engineer/jobs/${booked.jobId}`,
    { timeout: 30_000 },
  );
  // ...and every script the portal runs, including the parts loaded after first paint.
  await page.waitForFunction(() => document.documentElement.dataset.offlineReady === "true", undefined, { timeout: 30_000 });

  // Signal gone.
  await context.setOffline(true);
  await expect(await syncStatus(page)).toHaveText(/Offline/);

  await page.getByRole("checkbox", { name: /Isolate the supply/ }).check();
  await page.getByRole("checkbox", { name: /Test the RCDs/ }).check();
  await page.getByRole("button", { name: "Clock in" }).click();
  await expect(page.getByTestId("clock-state")).toContainText("Clocked in since");
  await page.getByRole("button", { name: "Start break" }).click();
  await expect(page.getByTestId("clock-state")).toContainText("On a break since");
  await page.getByRole("button", { name: "End break" }).click();
  await page.getByLabel("New note").fill("Old board had no RCD protection; replaced with a 10-way dual-RCD board.");
  await page.getByRole("button", { name: "Add note" }).click();
  await expect(page.getByText("Old board had no RCD protection")).toBeVisible();
  await page.getByLabel("Add a photo").setInputFiles({ name: "board.png", mimeType: "image/png", buffer: signaturePng(800, 600) });
  await expect(page.getByRole("img", { name: /^Photo taken/ })).toBeVisible();
  await page.getByRole("button", { name: "Clock out" }).click();
  await expect(page.getByTestId("clock-state")).toContainText("Not clocked in");

  await page.getByLabel("Client's name").fill("Priya Patel");
  const pad = page.getByRole("img", { name: "Client's signature" });
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + 20, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + 20 + i * 25, box.y + box.height / 2 + (i % 2 ? 18 : -18));
  await page.mouse.up();
  await page.getByRole("button", { name: "Complete job" }).click();
  await expect(page.getByText(/Completed .*, signed by Priya Patel/)).toBeVisible();
  // 2 ticks, clock in, break start/end, note, photo, clock out, completion.
  await expect(await syncStatus(page)).toHaveText(/Offline.*9 to sync/);
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: test.info().outputPath("engineer-job-offline.png"), fullPage: true });

  // Nothing reached the office yet.
  const before = await ok(await api.get(`/api/admin/jobs/${booked.jobId}`));
  expect(before.status).not.toBe("COMPLETED");

  // A reload with no signal still shows the job, with the changes waiting on the phone.
  const reloaded = await page.reload();
  expect(reloaded?.fromServiceWorker()).toBe(true);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText(/Completed .*, signed by Priya Patel/)).toBeVisible();
  await expect(page.getByRole("checkbox", { name: /Isolate the supply/ })).toBeChecked();
  await expect(await syncStatus(page)).toHaveText(/Offline.*9 to sync/);

  // Back online: the queue syncs in order and empties.
  await context.setOffline(false);
  await expect(await syncStatus(page)).toHaveText("Online", { timeout: 30_000 });
  await expect(page.getByText("Waiting to sync")).toHaveCount(0);
  await expect(page.getByText(/wasn't saved|weren't saved/)).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath("engineer-job-synced.png"), fullPage: true });

  // The office sees every action exactly once.
  const job = await ok(await api.get(`/api/admin/jobs/${booked.jobId}`));
  expect(job).toMatchObject({ status: "COMPLETED", completionSignerName: "Priya Patel" });
  expect(job.completionSignatureFileId).toBeTruthy();
  const items = (job.checklists as { items: { label: string; completedAt: string | null }[] }[]).flatMap((c) => c.items);
  expect(items.filter((i) => i.completedAt).map((i) => i.label)).toEqual(["Isolate the supply", "Test the RCDs"]);
  expect((job.files as unknown[]).length).toBe(1);
  const notes = (await ok(await api.get(`/api/admin/jobs/${booked.jobId}/notes`))) as { items: { body: string }[] };
  expect(notes.items.map((n) => n.body)).toEqual(["Old board had no RCD protection; replaced with a 10-way dual-RCD board."]);
  const entries = (await ok(await api.get(`/api/admin/time-entries?jobId=${booked.jobId}`))) as { items: { endedAt: string | null }[] };
  expect(entries.items).toHaveLength(1);
  expect(entries.items[0]!.endedAt).toBeTruthy();

  // Sending again changes nothing (the phone's queue is empty; a reload re-reads the server's copy).
  await page.reload();
  await expect(page.getByText(/Completed .*, signed by Priya Patel/)).toBeVisible();
  await expect(await syncStatus(page)).toHaveText("Online");
  const again = await ok(await api.get(`/api/admin/jobs/${booked.jobId}`));
  expect((again.files as unknown[]).length).toBe(1);
  await office.close();
});

test("when the office cancels the job while the phone is offline, the engineer is shown what wasn't saved and why", async ({ page, context, browser }) => {
  test.setTimeout(90_000);
  const office = await browser.newContext({ storageState: storageStateFor("admin") });
  const api = office.request;
  const headers = { origin: test.info().project.use.baseURL! };
  const title = `Outside lights ${Date.now()}`;
  const booked = await bookJob(api, headers, title);

  // Today's list online (this also saves the job on the phone), then the signal goes and the job opens from the phone.
  await page.goto(booked.visited ? "/engineer" : "/engineer/jobs");
  await expect(page.getByRole("link", { name: new RegExp(title) })).toBeVisible();
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 30_000 });
  await page.waitForFunction(
    async (path) => !!(await (await caches.open("qt-engineer-pages-v1")).match(path)),
    `/engineer/jobs/${booked.jobId}`,
    { timeout: 30_000 },
  );
  // ...and every script the portal runs, including the parts loaded after first paint.
  await page.waitForFunction(() => document.documentElement.dataset.offlineReady === "true", undefined, { timeout: 30_000 });
  await context.setOffline(true);
  await page.getByRole("link", { name: new RegExp(title) }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await page.getByRole("checkbox", { name: /Isolate the supply/ }).check();
  await page.getByLabel("New note").fill("Customer not in; card left.");
  await page.getByRole("button", { name: "Add note" }).click();
  await expect(await syncStatus(page)).toHaveText(/Offline.*2 to sync/);

  // Meanwhile the office cancels the job.
  await ok(await api.post(`/api/admin/jobs/${booked.jobId}/status`, { headers, data: { to: "CANCELLED", reason: "Customer postponed to spring" } }));

  await context.setOffline(false);
  const problems = page.getByRole("region", { name: /actions weren't saved/ });
  await expect(problems).toBeVisible({ timeout: 30_000 });
  await expect(problems.getByRole("listitem")).toHaveCount(2);
  await expect(problems.getByText(`${booked.number} was cancelled by the office (Customer postponed to spring): your checklist tick wasn't saved.`)).toBeVisible();
  await expect(problems.getByText(`${booked.number} was cancelled by the office (Customer postponed to spring): your note wasn't saved.`)).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "The office cancelled this job" })).toBeVisible();
  await expect(await syncStatus(page)).toHaveText("Online");
  await expectNoHorizontalScroll(page);
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath("engineer-conflicts.png"), fullPage: true });

  // Nothing reached the cancelled job; each problem stays until dismissed (also after a reload).
  const notes = (await ok(await api.get(`/api/admin/jobs/${booked.jobId}/notes`))) as { items: unknown[] };
  expect(notes.items).toHaveLength(0);
  await page.reload();
  await expect(problems.getByRole("listitem")).toHaveCount(2);
  await problems.getByRole("button", { name: "Dismiss" }).first().click();
  await expect(page.getByRole("region", { name: /1 action wasn't saved/ })).toBeVisible();
  await page.getByRole("button", { name: "Dismiss" }).click();
  await expect(page.getByText(/wasn't saved|weren't saved/)).toHaveCount(0);
  await office.close();
});
