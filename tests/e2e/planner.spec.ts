import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, expectNoHorizontalScroll, storageStateFor } from "./support/fixtures.ts";

test.use({ storageState: storageStateFor("admin") });
// Each journey drags and saves several times through the real server: allow for a loaded machine.
test.describe.configure({ timeout: 60_000 });

/** A fresh job waiting in the planner's tray (made through the jobs API). */
async function newJob(page: Page, baseURL: string, title: string, estimatedMinutes: number | null = 120) {
  const clients = await (await page.request.get("/api/admin/clients?limit=1")).json();
  const res = await page.request.post("/api/admin/jobs", { headers: { origin: baseURL }, data: { clientId: clients.items[0].id, title, estimatedMinutes } });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as { id: string; number: string };
}

async function visitsIn(page: Page, from: string, to: string) {
  const res = await page.request.get(`/api/admin/schedule?from=${from}T00:00:00Z&to=${to}T00:00:00Z`);
  expect(res.status()).toBe(200);
  return (await res.json()).items as { id: string; jobId: string; engineerId: string; startsAt: string; endsAt: string; overrideReason: string | null; job: { number: string } }[];
}

/** The lane cell for an engineer and day, and the x offset of a local time in it (the week spans 08:00–18:00 here). */
async function dropPoint(page: Page, engineer: string, day: string, minute: number) {
  const cell = page.getByRole("group", { name: `${engineer}'s lane` }).locator(`[data-day="${day}"]`);
  await cell.scrollIntoViewIfNeeded();
  const box = (await cell.boundingBox())!;
  return { cell, position: { x: ((minute - 8 * 60) / 600) * box.width, y: 20 } };
}

test("drag an unscheduled job onto an engineer's lane, then move it to another lane and resize it by dragging", async ({ page, baseURL }) => {
  const job = await newJob(page, baseURL!, `Planner drag ${Date.now().toString(36)}`);
  await page.goto("/admin/planner?view=week&date=2031-03-10");
  await expect(page.getByRole("heading", { name: "Planner", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "Planner" })).toHaveAttribute("aria-current", "page");
  const tile = page.locator(`[data-job="${job.id}"]`);
  await expect(tile).toBeVisible();
  await expectAccessible(page);

  const target = await dropPoint(page, "Dan Hughes", "2031-03-11", 10 * 60);
  await tile.dragTo(target.cell, { sourcePosition: { x: 24, y: 16 }, targetPosition: target.position });
  const block = page.getByRole("group", { name: "Dan Hughes's lane" }).getByRole("button", { name: new RegExp(`^${job.number} `) });
  await expect(block).toContainText("10:00–12:00");
  await expect(page.getByText(`${job.number} booked for Dan Hughes`)).toBeVisible();
  await expect(tile).toHaveCount(0);
  await expect
    .poll(async () => (await visitsIn(page, "2031-03-10", "2031-03-17")).filter((v) => v.jobId === job.id).map((v) => [v.startsAt, v.endsAt]))
    .toEqual([["2031-03-11T10:00:00.000Z", "2031-03-11T12:00:00.000Z"]]);

  // Drag between lanes: reassigned to Tom at 13:00 on Wednesday.
  const tom = await dropPoint(page, "Tom Okafor", "2031-03-12", 13 * 60);
  await block.dragTo(tom.cell, { targetPosition: tom.position });
  const moved = page.getByRole("group", { name: "Tom Okafor's lane" }).getByRole("button", { name: new RegExp(`^${job.number} `) });
  await expect(moved).toContainText(/1[23]:[0-5][05]–1[45]:[0-5][05]/);
  await expect.poll(async () => (await visitsIn(page, "2031-03-10", "2031-03-17")).find((v) => v.jobId === job.id)?.startsAt.slice(0, 10)).toBe("2031-03-12");

  // Drag the right edge an hour later: the visit now ends an hour later.
  const before = (await visitsIn(page, "2031-03-10", "2031-03-17")).find((v) => v.jobId === job.id)!;
  const handle = moved.locator("xpath=..").locator("[data-resize-handle]");
  const hb = (await handle.boundingBox())!;
  const cellBox = (await tom.cell.boundingBox())!;
  await page.mouse.move(hb.x + hb.width / 2, hb.y + hb.height / 2);
  await page.mouse.down();
  await page.mouse.move(hb.x + hb.width / 2 + cellBox.width / 20, hb.y + hb.height / 2, { steps: 5 });
  await page.mouse.move(hb.x + hb.width / 2 + cellBox.width / 10, hb.y + hb.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect
    .poll(async () => (await visitsIn(page, "2031-03-10", "2031-03-17")).find((v) => v.jobId === job.id)!.endsAt)
    .toBe(new Date(new Date(before.endsAt).getTime() + 60 * 60_000).toISOString());

  // It survives a reload (saved, not just drawn).
  await page.reload();
  await expect(page.getByRole("group", { name: "Tom Okafor's lane" }).getByRole("button", { name: new RegExp(`^${job.number} `) })).toBeVisible();
  await page.screenshot({ path: "test-results/planner-week.png", fullPage: true });
});

test("a drop overlapping another visit shows the conflict warning; saving anyway needs a reason and is kept", async ({ page, baseURL }) => {
  const first = await newJob(page, baseURL!, `Planner first ${Date.now().toString(36)}`, 180);
  const second = await newJob(page, baseURL!, `Planner second ${Date.now().toString(36)}`, 120);
  await page.goto("/admin/planner?view=week&date=2031-03-17");

  const a = await dropPoint(page, "Tom Okafor", "2031-03-19", 9 * 60);
  await page.locator(`[data-job="${first.id}"]`).dragTo(a.cell, { sourcePosition: { x: 24, y: 16 }, targetPosition: a.position });
  const lane = page.getByRole("group", { name: "Tom Okafor's lane" });
  await expect(lane.getByRole("button", { name: new RegExp(`^${first.number} `) })).toContainText("09:00–12:00");
  // The block shows at once; wait for the server to have saved it, so the next drop meets it there.
  await expect(page.getByText(`${first.number} booked for Tom Okafor`)).toBeVisible({ timeout: 15_000 });

  const b = await dropPoint(page, "Tom Okafor", "2031-03-19", 10 * 60);
  await page.locator(`[data-job="${second.id}"]`).dragTo(b.cell, { sourcePosition: { x: 24, y: 16 }, targetPosition: b.position });
  const dialog = page.getByRole("dialog", { name: "Conflict warning" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText(`Tom Okafor is already booked on ${first.number}`)).toBeVisible();
  // Undone while waiting: the job is back in the tray and not in the lane.
  await expect(lane.getByRole("button", { name: new RegExp(`^${second.number} `) })).toHaveCount(0);
  await expectAccessible(page);

  await dialog.getByRole("button", { name: "Save anyway" }).click();
  await expect(dialog.getByText("Give a reason of at least 3 characters")).toBeVisible();
  await dialog.getByLabel("Reason for saving anyway").fill("Second engineer on site, Tom supervises");
  await dialog.getByRole("button", { name: "Save anyway" }).click();
  await expect(dialog).toBeHidden();
  const saved = lane.getByRole("button", { name: new RegExp(`^${second.number} .*saved despite a conflict`) });
  await expect(saved).toContainText("10:00–12:00");
  const visits = await visitsIn(page, "2031-03-17", "2031-03-24");
  expect(visits.find((v) => v.jobId === second.id)?.overrideReason).toBe("Second engineer on site, Tom supervises");
  expect(visits.find((v) => v.jobId === first.id)?.overrideReason).toBeNull();

  // Not saving: a conflicting move is undone.
  await saved.click();
  const form = page.getByRole("dialog", { name: new RegExp(`^${second.number}:`) });
  await form.getByLabel("Start", { exact: true }).fill("11:00");
  await form.getByLabel("End", { exact: true }).fill("12:30");
  await form.getByRole("button", { name: "Save visit" }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Don't save" }).click();
  await expect(saved).toContainText("10:00–12:00");
  expect((await visitsIn(page, "2031-03-17", "2031-03-24")).find((v) => v.jobId === second.id)?.startsAt).toBe("2031-03-19T10:00:00.000Z");
});

test("keyboard only: schedule a job from the form, move, resize and reassign it, then remove it", async ({ page, baseURL }) => {
  const job = await newJob(page, baseURL!, `Planner keys ${Date.now().toString(36)}`, 90);
  await page.goto("/admin/planner?view=week&date=2031-03-24");

  await page.getByRole("button", { name: `Schedule ${job.number}` }).focus();
  await page.keyboard.press("Enter");
  const form = page.getByRole("dialog", { name: `Schedule ${job.number}` });
  await expect(form).toBeVisible();
  await expect(form.getByLabel("Engineer", { exact: true })).toBeFocused();
  await form.getByLabel("Engineer", { exact: true }).selectOption({ label: "Dan Hughes" });
  await form.getByLabel("Date", { exact: true }).fill("2031-03-25");
  await form.getByLabel("Start", { exact: true }).fill("14:00");
  await form.getByLabel("End date").fill("2031-03-25");
  await form.getByLabel("End", { exact: true }).fill("15:30");
  await form.getByLabel("Notes for the engineer").fill("Park on Mill Lane");
  await form.getByLabel("Notes for the engineer").press("Tab");
  await expectAccessible(page);
  await form.getByRole("button", { name: "Book visit" }).press("Enter");
  await expect(form).toBeHidden();
  const dan = page.getByRole("group", { name: "Dan Hughes's lane" });
  const block = dan.getByRole("button", { name: new RegExp(`^${job.number} `) });
  await expect(block).toContainText("14:00–15:30");

  // Move to Thursday morning, make it longer and give it to Tom, all from the form.
  await block.focus();
  await page.keyboard.press("Enter");
  const edit = page.getByRole("dialog", { name: new RegExp(`^${job.number}:`) });
  await edit.getByLabel("Engineer", { exact: true }).selectOption({ label: "Tom Okafor" });
  await edit.getByLabel("Date", { exact: true }).fill("2031-03-27");
  await edit.getByLabel("End date").fill("2031-03-27");
  await edit.getByLabel("Start", { exact: true }).fill("09:00");
  await edit.getByLabel("End", { exact: true }).fill("11:45");
  await expect(edit.getByText("Lasts 2 h 45 min")).toBeVisible();
  await edit.getByRole("button", { name: "Save visit" }).press("Enter");
  await expect(edit).toBeHidden();
  const tomBlock = page.getByRole("group", { name: "Tom Okafor's lane" }).getByRole("button", { name: new RegExp(`^${job.number} `) });
  await expect(tomBlock).toContainText("09:00–11:45");
  await expect(block).toHaveCount(0);
  const v = (await visitsIn(page, "2031-03-24", "2031-03-31")).find((x) => x.jobId === job.id)!;
  expect([v.startsAt, v.endsAt]).toEqual(["2031-03-27T09:00:00.000Z", "2031-03-27T11:45:00.000Z"]);

  // An end before the start is caught in the form.
  await tomBlock.focus();
  await page.keyboard.press("Enter");
  await edit.getByLabel("End", { exact: true }).fill("08:00");
  await edit.getByRole("button", { name: "Save visit" }).press("Enter");
  await expect(edit.getByText("The visit must end after it starts")).toBeVisible();

  await edit.getByRole("button", { name: "Remove visit" }).press("Enter");
  const confirm = page.getByRole("alertdialog").or(page.getByRole("dialog", { name: `Remove this visit for ${job.number}?` }));
  await confirm.getByRole("button", { name: "Remove visit" }).click();
  await expect(tomBlock).toHaveCount(0);
  expect((await visitsIn(page, "2031-03-24", "2031-03-31")).find((x) => x.jobId === job.id)).toBeUndefined();

});

test("month view and the phone layout read fine", async ({ page }) => {
  await page.goto("/admin/planner?view=month&date=2031-03-24");
  await expect(page.getByRole("heading", { name: "Planner", level: 1 })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/planner-month.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/admin/planner?view=day");
  await expect(page.getByRole("region", { name: "Visits by day" })).toBeVisible();
  await expectNoHorizontalScroll(page);
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/planner-phone.png", fullPage: true });
});
