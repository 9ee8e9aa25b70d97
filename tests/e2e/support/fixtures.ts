import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "Quantract-demo-1";

export const USERS = {
  admin: "admin@sparkright.test",
  office: "office@sparkright.test",
  engineer: "engineer@sparkright.test",
  client: "client@sparkright.test",
  operator: "operator@quantract.test",
  northgateAdmin: "admin@northgate.test",
} as const;
export type DemoUser = keyof typeof USERS;

export const storageStateFor = (user: DemoUser) => `test-results/.auth/${user}.json`;

/** axe finds no serious or critical violation on the page as it stands. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

/** No horizontal scrolling (phone layouts). */
export async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}
